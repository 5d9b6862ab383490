package com.primejennie.shared.domain;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job message on {@code stream:jobs:<queue>} (spec/llm-dashboard-infra.md §7, spec/control-and-intelligence.md
 * §2.4, §3.1): published by the scheduler, {@code POST /scout} and the startup one-shot, in the Python scheduler's
 * payload shape. Consumers dispatch on {@code job_id} (the fixed ids are in {@link JobIds}); the scout worker runs the
 * feedback task for {@code analyst-feedback-update} and a full scout run for anything else, as the Python worker did.
 * {@code timeout_sec} and {@code retry_limit} are honoured by the shared job runner, which reports each run's outcome
 * as a {@link JobResult} on {@link JobIds#RESULTS_STREAM}.
 *
 * @param queuedAt ISO-8601 (UTC from scout-job, scheduler zone from the scheduler)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobMessage(
        String jobId,
        String scope,
        String runId,
        String triggerSource,
        Map<String, Object> params,
        Integer timeoutSec,
        Integer retryLimit,
        String telemetryLabel,
        String queuedAt,
        Boolean autoReschedule) {

    public JobMessage {
        params = params == null ? Map.of() : params;
    }

    /** What {@code POST /scout} publishes (trigger {@code manual_http}, timeout 3600 s, one retry). */
    public static JobMessage manualHttp(String jobId, String scope, String runId, String queuedAt) {
        return new JobMessage(jobId, scope, runId, "manual_http", Map.of(), 3600, 1, null, queuedAt, null);
    }

    /** Whether this message asks for the analyst feedback task. */
    @JsonIgnore
    public boolean isAnalystFeedback() {
        return JobIds.ANALYST_FEEDBACK.equals(jobId);
    }
}
