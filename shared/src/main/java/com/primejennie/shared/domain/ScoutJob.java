package com.primejennie.shared.domain;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job message on {@code stream:jobs:scout} (spec/llm-dashboard-infra.md §7, spec/control-and-intelligence.md §2.4,
 * §3.1): published by {@code POST /scout}, the startup one-shot and the scheduler. The worker reads {@code job_id}
 * ({@code analyst-feedback-update} runs the feedback task, anything else a full scout run), {@code run_id},
 * {@code trigger_source} and {@code scope}; the other fields are carried for the record.
 *
 * @param queuedAt ISO-8601 (UTC from scout-job, scheduler zone from the scheduler)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScoutJob(
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

    /** The stream the scout-worker consumes. */
    public static final String STREAM = "stream:jobs:scout";
    /** The job id that runs the analyst feedback task instead of a scout run. */
    public static final String ANALYST_FEEDBACK_JOB_ID = "analyst-feedback-update";

    public ScoutJob {
        params = params == null ? Map.of() : params;
    }

    /** What {@code POST /scout} publishes (trigger {@code manual_http}, timeout 3600 s, one retry). */
    public static ScoutJob manualHttp(String jobId, String scope, String runId, String queuedAt) {
        return new ScoutJob(jobId, scope, runId, "manual_http", Map.of(), 3600, 1, null, queuedAt, null);
    }

    /** Whether this message asks for the analyst feedback task. */
    @JsonIgnore
    public boolean isAnalystFeedback() {
        return ANALYST_FEEDBACK_JOB_ID.equals(jobId);
    }
}
