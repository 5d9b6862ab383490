package com.primejennie.shared.jobs;

import java.util.Map;

/**
 * What a successful {@link JobHandler} run reports: a one-line summary for people and counters for the dashboard.
 * {@link #skipped(String)} says the handler decided not to work (outside its window, nothing to do).
 *
 * @param message a summary (Korean or English), may be null
 * @param stats   counters (rows written, KIS calls, LLM tokens…), never null
 * @param skipped whether the run was deliberately not done
 */
public record JobOutcome(String message, Map<String, Object> stats, boolean skipped) {

    public JobOutcome {
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }

    /** The work was done. */
    public static JobOutcome done(String message) {
        return new JobOutcome(message, Map.of(), false);
    }

    /** The work was done, with counters. */
    public static JobOutcome done(String message, Map<String, Object> stats) {
        return new JobOutcome(message, stats, false);
    }

    /** The handler chose not to run ({@code reason} says why). */
    public static JobOutcome skipped(String reason) {
        return new JobOutcome(reason, Map.of(), true);
    }
}
