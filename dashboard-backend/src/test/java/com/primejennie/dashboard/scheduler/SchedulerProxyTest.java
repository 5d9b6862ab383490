package com.primejennie.dashboard.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.primejennie.dashboard.support.Api;
import com.primejennie.dashboard.support.DashboardTestBase;
import com.primejennie.dashboard.support.FakeHttpParty;

import tools.jackson.databind.JsonNode;

/**
 * The scheduler proxy and the Airflow-shaped endpoints over scheduler-service's HTTP API (answered here by a recorded
 * fake over real HTTP).
 */
class SchedulerProxyTest extends DashboardTestBase {

    @Test
    void proxiesJobsAndKeepsUpstreamErrors() {
        Api api = operator();
        JsonNode jobs = api.get("/api/scheduler/jobs").json();
        assertThat(jobs).hasSize(2);
        assertThat(api.get("/api/scheduler/jobs/scout-daily").json().get("cron_expr").asString())
                .isEqualTo("30 8 * * 1-5");
        assertThat(api.get("/api/scheduler/jobs/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/scheduler/health").json().get("status").asString()).isEqualTo("ok");
        assertThat(api.post("/api/scheduler/jobs/scout-daily/pause", null).status()).isEqualTo(200);
        assertThat(api.post("/api/scheduler/jobs/missing/run", "{}").status()).isEqualTo(404);
    }

    @Test
    void updateNeedsAnEditableField() {
        Api api = operator();
        assertThat(api.put("/api/scheduler/jobs/scout-daily", "{}").status()).isEqualTo(400);
        assertThat(api.put("/api/scheduler/jobs/scout-daily", "{\"queue\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.put("/api/scheduler/jobs/scout-daily", "{\"enabled\":false}").status()).isEqualTo(200);
    }

    @Test
    void airflowDagsListEnabledJobsAndTriggerRunsTheJob() {
        Api api = operator();
        JsonNode dags = api.get("/api/airflow/dags").json();
        assertThat(dags).hasSize(1);
        JsonNode dag = dags.get(0);
        assertThat(dag.get("dag_id").asString()).isEqualTo("scout-daily");
        assertThat(dag.get("description").asString()).isEqualTo("Scout 일일 실행");
        assertThat(dag.get("schedule_interval").asString()).isEqualTo("30 8 * * 1-5");
        assertThat(dag.get("next_dagrun").asString()).isEqualTo("2026-12-02T08:30:00");
        assertThat(dag.get("last_run_state").asString()).isEqualTo("SUCCESS");
        assertThat(dag.get("last_run_date").asString()).isEqualTo("2026-12-01T08:30:00");

        int before = FakeHttpParty.get().requests().size();
        Api.Answer run = api.post("/api/airflow/dags/scout-daily/trigger", null);
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().get("dag_id").asString()).isEqualTo("scout-daily");
        assertThat(run.json().get("dag_run_id").asString()).isEqualTo("run-1");
        assertThat(run.json().get("message_id").asString()).isEqualTo("1764600000000-0");
        assertThat(FakeHttpParty.get().requests().subList(before, FakeHttpParty.get().requests().size()))
                .anySatisfy(r -> assertThat(r).startsWith("POST /jobs/scout-daily/run").contains("dashboard"));
        assertThat(api.post("/api/airflow/dags/missing/trigger", null).status()).isEqualTo(404);
    }
}
