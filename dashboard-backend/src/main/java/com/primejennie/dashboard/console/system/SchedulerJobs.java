package com.primejennie.dashboard.console.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.primejennie.dashboard.scheduler.SchedulerService;

import tools.jackson.databind.JsonNode;

/**
 * scheduler-service's jobs through the API's {@link SchedulerService} (the same proxy as {@code /api/scheduler}); an
 * unreachable scheduler or a refused action is reported as its message, never hidden.
 */
@Component
public class SchedulerJobs {

    public record Job(String id, String queue, String cron, boolean enabled, String nextDue, String lastRun,
                      String lastStatus, String description) {
    }

    public record Jobs(List<Job> jobs, String error) {
    }

    private final SchedulerService scheduler;

    public SchedulerJobs(SchedulerService scheduler) {
        this.scheduler = scheduler;
    }

    public Jobs list() {
        try {
            List<Job> jobs = new ArrayList<>();
            for (JsonNode j : scheduler.jobs()) {
                jobs.add(new Job(j.path("job_id").asString(""), j.path("queue").asString(""),
                        j.path("cron_expr").asString(""), j.path("enabled").asBoolean(false),
                        j.path("next_due_at").asString(""), j.path("last_run_at").asString(""),
                        j.path("last_status").asString(""), j.path("description").asString("")));
            }
            return new Jobs(jobs, null);
        } catch (RuntimeException e) {
            return new Jobs(List.of(), e.getMessage());
        }
    }

    /** Runs, pauses or resumes one job; returns an error text, or null on success. */
    public String act(String jobId, String action) {
        if (!jobId.matches("[A-Za-z0-9_.:-]{1,100}")) {
            return "job id '" + jobId + "' is not valid";
        }
        try {
            switch (action) {
                case "run" -> scheduler.run(jobId, null);
                case "pause" -> scheduler.pause(jobId);
                case "resume" -> scheduler.resume(jobId);
                default -> {
                    return "action '" + action + "' is not one of run, pause, resume";
                }
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
