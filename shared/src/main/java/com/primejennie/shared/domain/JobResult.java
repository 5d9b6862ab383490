package com.primejennie.shared.domain;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of one run of a job, published by the job's consumer on {@link JobIds#RESULTS_STREAM} (field
 * {@code payload}, JSON as every trading stream). The scheduler records it against the job; the dashboard shows it.
 * This suite's own message: the Python scheduler never learned how its jobs ended.
 *
 * @param jobId      the job's id ({@link JobIds})
 * @param runId      the {@code run_id} of the {@link JobMessage} that started the run
 * @param scope      the message's scope
 * @param status     how the run ended
 * @param attempt    1 for the first attempt, 2.. for retries within {@code retry_limit}
 * @param startedAt  ISO-8601 UTC
 * @param finishedAt ISO-8601 UTC
 * @param durationMs wall time of the run
 * @param message    a one-line summary for people (Korean or English), may be null
 * @param error      the failure's message when the status is not SUCCEEDED or SKIPPED, else null
 * @param stats      counters the job wants to report (rows written, KIS calls, LLM tokens…), may be empty
 * @param service    the service that ran it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResult(
        String jobId,
        String runId,
        String scope,
        Status status,
        Integer attempt,
        String startedAt,
        String finishedAt,
        Long durationMs,
        String message,
        String error,
        Map<String, Object> stats,
        String service) {

    /** How a run ended. */
    public enum Status {
        /** The run did its work. */
        SUCCEEDED,
        /** The run threw; {@code error} says why. */
        FAILED,
        /** The run exceeded {@code timeout_sec} and was interrupted. */
        TIMED_OUT,
        /** The run was not started (another run in progress, outside its window, {@code max_parallel} reached). */
        SKIPPED
    }

    public JobResult {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("job result needs a job_id");
        }
        if (status == null) {
            throw new IllegalArgumentException("job result for " + jobId + " needs a status");
        }
        stats = stats == null ? Map.of() : stats;
    }
}
