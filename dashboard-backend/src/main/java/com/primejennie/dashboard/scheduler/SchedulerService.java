package com.primejennie.dashboard.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.ApiException;
import com.primejennie.dashboard.web.Shape;

import tools.jackson.databind.JsonNode;

/**
 * The scheduler proxy ({@code /api/scheduler/*}) and the Airflow-shaped view of the same jobs: Airflow is gone, so
 * {@code /api/airflow/dags} lists the scheduler's enabled jobs as DAGs and a trigger runs the job.
 */
@Service
public class SchedulerService {

    static final Set<String> EDITABLE = Set.of("cron_expr", "enabled", "description", "timeout_sec");

    private final SchedulerClient client;

    public SchedulerService(SchedulerClient client) {
        this.client = client;
    }

    public JsonNode jobs() {
        return client.get("/jobs");
    }

    public JsonNode job(String id) {
        for (JsonNode job : jobs()) {
            if (id.equals(job.path("job_id").asString(""))) {
                return job;
            }
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "Job not found: " + id);
    }

    public JsonNode update(String id, Map<String, Object> body) {
        if (body == null || body.keySet().stream().noneMatch(EDITABLE::contains)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "No fields to update (cron_expr, enabled, description, "
                    + "timeout_sec)");
        }
        for (String k : body.keySet()) {
            if (!EDITABLE.contains(k)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "field cannot be changed from the dashboard: " + k);
            }
        }
        return client.send("PUT", "/jobs/" + id, body);
    }

    public JsonNode run(String id, Map<String, Object> body) {
        Map<String, Object> request = Shape.of("params", body == null || body.get("params") == null ? Map.of()
                : body.get("params"), "trigger_source", body == null || body.get("trigger_source") == null
                ? "dashboard" : body.get("trigger_source"));
        return client.send("POST", "/jobs/" + id + "/run", request);
    }

    public JsonNode pause(String id) {
        return client.send("POST", "/jobs/" + id + "/pause", null);
    }

    public JsonNode resume(String id) {
        return client.send("POST", "/jobs/" + id + "/resume", null);
    }

    public Object health() {
        try {
            return client.get("/health");
        } catch (ApiException e) {
            return Shape.of("status", "error", "detail", e.getMessage());
        }
    }

    /** Enabled jobs in the Airflow DAG shape the old workflow page reads. */
    public List<Map<String, Object>> dags() {
        List<Map<String, Object>> dags = new ArrayList<>();
        for (JsonNode job : jobs()) {
            if (!job.path("enabled").asBoolean(false)) {
                continue;
            }
            String cron = text(job, "cron_expr");
            Object schedule = cron != null ? cron : job.hasNonNull("interval_seconds")
                    ? job.get("interval_seconds").asLong() + "s" : null;
            dags.add(Shape.of("dag_id", text(job, "job_id"), "description", text(job, "description"),
                    "schedule_interval", schedule, "next_dagrun", text(job, "next_due_at"),
                    "last_run_state", job.hasNonNull("last_status") ? job.get("last_status").asString() : "unknown",
                    "last_run_date", text(job, "last_run_at")));
        }
        return dags;
    }

    /** Runs the job; answers in the Airflow dagRun shape with the scheduler's run and message ids. */
    public Map<String, Object> trigger(String dagId) {
        JsonNode run = client.send("POST", "/jobs/" + dagId + "/run", Shape.of("params", Map.of(),
                "trigger_source", "dashboard"));
        return Shape.of("dag_id", dagId, "dag_run_id", text(run, "run_id"), "state", "queued",
                "execution_date", text(run.path("job"), "last_run_at"), "conf", Map.of(),
                "message_id", text(run, "message_id"), "stream", text(run, "stream"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
