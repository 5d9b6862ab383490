package com.primejennie.dashboard.console.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.ConsoleProperties;

import tools.jackson.databind.JsonNode;

/**
 * scheduler-service's jobs over its HTTP API ({@code GET /jobs}, {@code POST /jobs/{id}/run|pause|resume}). An
 * unreachable scheduler is reported, never hidden.
 */
@Component
public class SchedulerJobs {

    public record Job(String id, String queue, String cron, boolean enabled, String nextDue, String lastRun,
                      String lastStatus, String description) {
    }

    public record Jobs(List<Job> jobs, String error) {
    }

    private final ConsoleProperties properties;
    private final HttpJson http;

    public SchedulerJobs(ConsoleProperties properties) {
        this.properties = properties;
        this.http = new HttpJson(properties.httpTimeout());
    }

    public Jobs list() {
        try {
            HttpJson.Answer a = http.get(properties.schedulerUrl() + "/jobs");
            if (a.status() != 200 || a.body() == null || !a.body().isArray()) {
                return new Jobs(List.of(), "scheduler answered HTTP " + a.status());
            }
            List<Job> jobs = new ArrayList<>();
            for (JsonNode j : a.body()) {
                jobs.add(new Job(j.path("job_id").asText(), j.path("queue").asText(""),
                        j.path("cron_expr").asText(""), j.path("enabled").asBoolean(false),
                        j.path("next_due_at").asText(""), j.path("last_run_at").asText(""),
                        j.path("last_status").asText(""), j.path("description").asText("")));
            }
            return new Jobs(jobs, null);
        } catch (Exception e) {
            return new Jobs(List.of(), "scheduler-service unreachable at " + properties.schedulerUrl() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Runs, pauses or resumes one job; returns an error text or null on success. */
    public String act(String jobId, String action) {
        if (!jobId.matches("[A-Za-z0-9_.:-]{1,100}")) {
            return "job id '" + jobId + "' is not valid";
        }
        if (!List.of("run", "pause", "resume").contains(action)) {
            return "action '" + action + "' is not one of run, pause, resume";
        }
        try {
            String body = action.equals("run") ? "{\"trigger_source\":\"dashboard\"}" : "{}";
            HttpJson.Answer a = http.post(properties.schedulerUrl() + "/jobs/" + jobId + "/" + action, body);
            if (a.status() >= 400) {
                String detail = a.body() == null ? a.text() : a.body().path("detail").asText(a.text());
                return "scheduler answered HTTP " + a.status() + ": " + detail;
            }
            return null;
        } catch (Exception e) {
            return "scheduler-service unreachable at " + properties.schedulerUrl() + " ("
                    + e.getClass().getSimpleName() + ")";
        }
    }
}
