package com.primejennie.scheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.scheduler.SchedulerTestSupport;
import com.primejennie.shared.domain.JobIds;

import tools.jackson.databind.JsonNode;

/** The REST API of spec §2.5 and the dashboard's §2.3 endpoints: shapes, and a 400 with the reason for bad input. */
class JobApiTest extends SchedulerTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad cron (6 fields)|{\"job_id\":\"bad-cron\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 30 8 * * 1-5\"}|cron_expr",
            "bad cron (minute 61)|{\"job_id\":\"bad-cron\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"61 8 * * 1-5\"}|cron_expr",
            "missing cron|{\"job_id\":\"no-cron\",\"queue\":\"real.jobs.test\"}|cron_expr",
            "short job id|{\"job_id\":\"ab\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\"}|job_id",
            "timeout below 10|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"timeout_sec\":5}|timeout_sec",
            "negative retries|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"retry_limit\":-1}|retry_limit",
            "zero parallel|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"max_parallel\":0}|max_parallel",
            "interval below 5|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"interval_seconds\":3}|interval_seconds",
            "text for a number|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"timeout_sec\":\"ten\"}|timeout_sec",
            "fraction for a number|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"max_parallel\":1.5}|max_parallel",
            "queue mode without interval|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"reschedule_mode\":\"queue\"}|interval_seconds",
            "unknown reschedule mode|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"reschedule_mode\":\"airflow\"}|reschedule_mode",
            "unknown missed-fire policy|{\"job_id\":\"t-job\",\"queue\":\"real.jobs.test\",\"cron_expr\":\"0 8 * * *\",\"missed_fire_policy\":\"ALWAYS\"}|missed_fire_policy",
            "unknown data job|{\"job_id\":\"data-everything\",\"queue\":\"real.jobs.data\",\"cron_expr\":\"0 8 * * *\"}|data-everything",
            "fixed job on the wrong stream|{\"job_id\":\"scout-job-2\",\"queue\":\"real.jobs.scout\",\"cron_expr\":\"0 8 * * *\"}|",
            "scout id to the data stream|{\"job_id\":\"data-stock-master\",\"queue\":\"real.jobs.scout\",\"cron_expr\":\"0 8 * * *\"}|stream:jobs:data",
            "not an object|[1,2]|JSON",
            "not JSON|{job_id:|JSON"})
    void createRejectsBadInputWith400NamingIt(String name, String body, String reason) {
        if (name.equals("fixed job on the wrong stream")) {
            // scout-job-2 is no fixed id: any id may run a full scout (the worker's "anything else")
            assertThat(call("POST", "/jobs", body).statusCode()).isEqualTo(201);
            return;
        }
        HttpResponse<String> r = call("POST", "/jobs", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).path("detail").asString()).contains(reason);
    }

    @Test
    void duplicateJobIsA400WithThePythonText() {
        HttpResponse<String> r = call("POST", "/jobs", """
                {"job_id":"scout-job","queue":"real.jobs.scout","cron_expr":"30 8-14 * * 1-5"}""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("detail").asString()).isEqualTo("Job 'scout-job'가 이미 존재합니다.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET|/jobs/no-such-job",
            "PUT|/jobs/no-such-job",
            "POST|/jobs/no-such-job/run",
            "POST|/jobs/no-such-job/pause",
            "POST|/jobs/no-such-job/resume",
            "POST|/jobs/no-such-job/last-run",
            "GET|/api/scheduler/jobs/no-such-job"})
    void unknownJobIsA404WithTheId(String method, String path) {
        HttpResponse<String> r = call(method, path, method.equals("PUT") ? "{\"enabled\":false}" : null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("detail").asString()).contains("no-such-job");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "null cron (Python: 500)|{\"cron_expr\":null}|cron_expr",
            "null queue (Python: 500)|{\"queue\":null}|queue",
            "bad cron|{\"cron_expr\":\"every hour\"}|cron_expr",
            "bad timeout|{\"timeout_sec\":0}|timeout_sec",
            "enabled not a boolean|{\"enabled\":\"yes\"}|enabled",
            "queue to the wrong stream|{\"queue\":\"real.jobs.data\"}|stream:jobs:scout"})
    void updateRejectsBadInputWith400(String name, String body, String reason) {
        HttpResponse<String> r = call("PUT", "/jobs/scout-job", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).path("detail").asString()).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative delay|{\"delay_seconds\":-1}|delay_seconds",
            "params not an object|{\"params\":[1]}|params",
            "trigger too long|{\"trigger_source\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}|trigger_source"})
    void runRejectsBadInputWith400(String name, String body, String reason) {
        HttpResponse<String> r = call("POST", "/jobs/scout-job/run", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).path("detail").asString()).contains(reason);
    }

    @Test
    void createAnswers201WithThePythonShapeAndMapsThePythonQueueToTheRealStream() {
        JsonNode job = ok("POST", "/jobs", """
                {"job_id":"scout-daily","queue":"real.jobs.scout","cron_expr":"0 9 * * 1-5",
                 "default_params":{"mode":"full"},"timeout_sec":600,"telemetry_label":"daily"}""");

        assertThat(job.path("job_id").asString()).isEqualTo("scout-daily");
        assertThat(job.path("scope").asString()).isEqualTo("real");
        assertThat(job.path("reschedule_mode").asString()).isEqualTo("scheduler");
        assertThat(job.path("max_parallel").asInt()).isEqualTo(1);
        assertThat(job.path("retry_limit").asInt()).isEqualTo(3);
        assertThat(job.path("default_params").path("mode").asString()).isEqualTo("full");
        assertThat(job.path("stream").asString()).as("spec §2.4 mismatch fixed").isEqualTo(JobIds.SCOUT_STREAM);
        assertThat(job.path("next_due_at").asString()).isEqualTo("2026-03-09T09:00:00");
        assertThat(job.path("trading_days_only").asBoolean()).isTrue();
        assertThat(job.path("missed_fire_policy").asString()).isEqualTo("SKIP");
        assertThat(published(JobIds.SCOUT_STREAM, "scout-daily")).as("Python published at creation").isEmpty();
    }

    @Test
    void listsTheDefaultJobsOfTheScopeOrderedById() {
        JsonNode jobs = ok("GET", "/jobs", null);

        assertThat(jobs).extracting(j -> j.path("job_id").asString()).containsExactly(JobIds.ANALYST_FEEDBACK,
                JobIds.DATA_ASSET_SNAPSHOT, JobIds.DATA_CLEANUP, JobIds.DATA_DAILY_PRICES, JobIds.DATA_FINANCIALS,
                JobIds.DATA_INDEX_PRICES, JobIds.DATA_INVESTOR_FLOWS, JobIds.DATA_STOCK_MASTER, JobIds.SCOUT);
        assertThat(jobs).filteredOn(j -> j.path("job_id").asString().equals(JobIds.SCOUT)).first()
                .satisfies(j -> {
                    assertThat(j.path("cron_expr").asString()).isEqualTo("30 8-14 * * 1-5");
                    assertThat(j.path("queue").asString()).isEqualTo("real.jobs.scout");
                });
    }

    @Test
    void lastRunMarksTheJobDoneAndAnotherScopeIs404() {
        JsonNode job = ok("POST", "/jobs/scout-job/last-run", "{}");
        HttpResponse<String> other = call("POST", "/jobs/scout-job/last-run", "{\"scope\":\"mock\"}");

        assertThat(job.path("last_status").asString()).isEqualTo("done");
        assertThat(job.path("last_run_at").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void dashboardEndpointsServeTheSameJobsAndRefuseAnEmptyUpdate() {
        assertThat(ok("GET", "/api/scheduler/jobs", null)).hasSize(9);
        assertThat(ok("GET", "/api/scheduler/jobs/scout-job", null).path("job_id").asString()).isEqualTo("scout-job");
        assertThat(ok("GET", "/api/scheduler/health", null).path("scope").asString()).isEqualTo("real");
        assertThat(ok("GET", "/health", null).path("status").asString()).isEqualTo("ok");

        HttpResponse<String> empty = call("PUT", "/api/scheduler/jobs/scout-job", "{}");
        HttpResponse<String> notEditable = call("PUT", "/api/scheduler/jobs/scout-job", "{\"queue\":\"x\"}");
        JsonNode updated = ok("PUT", "/api/scheduler/jobs/scout-job", "{\"timeout_sec\":3000,\"description\":\"스카우트\"}");
        JsonNode paused = ok("POST", "/api/scheduler/jobs/scout-job/pause", null);
        JsonNode run = ok("POST", "/api/scheduler/jobs/scout-job/run", null);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(notEditable.statusCode()).isEqualTo(400);
        assertThat(updated.path("timeout_sec").asInt()).isEqualTo(3000);
        assertThat(updated.path("description").asString()).isEqualTo("스카우트");
        assertThat(paused.path("enabled").asBoolean()).isFalse();
        assertThat(paused.path("last_status").asString()).isEqualTo("paused");
        assertThat(run.path("message_id").asString()).isNotBlank();
        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).extracting(p -> p.path("trigger_source").asString())
                .containsExactly("dashboard");
    }
}
