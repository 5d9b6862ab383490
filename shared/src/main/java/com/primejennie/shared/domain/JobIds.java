package com.primejennie.shared.domain;

import java.util.List;
import java.util.Optional;

/**
 * The fixed job ids and job streams every producer and consumer of jobs agrees on. The scheduler publishes a
 * {@link JobMessage} with one of these ids; the consumer named beside each id runs it and publishes a
 * {@link JobResult} on {@link #RESULTS_STREAM}, which the scheduler records.
 */
public final class JobIds {

    /** A full scout run (scout-job, {@link #SCOUT_STREAM}). The Python scheduler's id, kept. */
    public static final String SCOUT = "scout-job";
    /** The analyst feedback task (scout-job, {@link #SCOUT_STREAM}), spec/control-and-intelligence.md §3.11. */
    public static final String ANALYST_FEEDBACK = "analyst-feedback-update";

    /** Stock master seed and refresh from KIS rankings (scout-job data jobs, {@link #DATA_STREAM}). */
    public static final String DATA_STOCK_MASTER = "data-stock-master";
    /** Daily prices of the universe, incremental, with a back-fill for new codes. */
    public static final String DATA_DAILY_PRICES = "data-daily-prices";
    /** KOSPI and KOSDAQ index series. */
    public static final String DATA_INDEX_PRICES = "data-index-prices";
    /** Investor flows (foreign, institution, individual). */
    public static final String DATA_INVESTOR_FLOWS = "data-investor-flows";
    /** Quarterly financial ratios. */
    public static final String DATA_FINANCIALS = "data-financials";
    /** The daily asset snapshot after the close. */
    public static final String DATA_ASSET_SNAPSHOT = "data-asset-snapshot";
    /** Retention clean-up. */
    public static final String DATA_CLEANUP = "data-cleanup";

    /** Every data job id, in the order a night's run executes them. */
    public static final List<String> DATA_JOBS = List.of(DATA_STOCK_MASTER, DATA_DAILY_PRICES, DATA_INDEX_PRICES,
            DATA_INVESTOR_FLOWS, DATA_FINANCIALS, DATA_ASSET_SNAPSHOT, DATA_CLEANUP);

    /** What scout-job consumes for scout runs and the feedback task (group {@code group_scout_worker}). */
    public static final String SCOUT_STREAM = "stream:jobs:scout";
    /** What scout-job consumes for the data jobs (group {@code group_data_worker}). */
    public static final String DATA_STREAM = "stream:jobs:data";
    /** Where every job consumer reports each run's outcome; the scheduler consumes it (group {@code group_scheduler}). */
    public static final String RESULTS_STREAM = "stream:jobs:results";

    private JobIds() {
    }

    /** The stream that really consumes {@code jobId}: scout ids go to {@link #SCOUT_STREAM}, data ids to {@link #DATA_STREAM}; else empty. */
    public static Optional<String> streamOf(String jobId) {
        if (SCOUT.equals(jobId) || ANALYST_FEEDBACK.equals(jobId)) {
            return Optional.of(SCOUT_STREAM);
        }
        if (DATA_JOBS.contains(jobId)) {
            return Optional.of(DATA_STREAM);
        }
        return Optional.empty();
    }
}
