package com.primejennie.scheduler.results;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.StreamHandler;

/**
 * Records each run's outcome from {@link JobIds#RESULTS_STREAM} (group {@code group_scheduler}) against its run and
 * job, so {@code GET /jobs/{id}} shows how the job really ended; the Python scheduler never learned it.
 */
public final class JobResultRecorder implements StreamHandler<JobResult> {

    /** The scheduler's consumer group on the results stream. */
    public static final String GROUP = "group_scheduler";

    private static final Logger log = LoggerFactory.getLogger(JobResultRecorder.class);

    private final JobRepository jobs;
    private final MarketClock clock;

    public JobResultRecorder(JobRepository jobs, MarketClock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onMessage(ReceivedMessage<JobResult> message) {
        JobResult result = message.payload();
        jobs.recordResult(result, clock.instant());
        log.info("job {} run {} attempt {}: {} in {} ms{}", result.jobId(), result.runId(), result.attempt(),
                result.status(), result.durationMs(), result.error() == null ? "" : " (" + result.error() + ")");
    }
}
