package com.primejennie.shared.jobs;

import com.primejennie.shared.domain.JobMessage;

/**
 * The work of one job, registered with a {@link JobRunner} under its job id. It runs on a thread of the runner, which
 * interrupts it when {@code timeout_sec} is over: long work should check {@link Thread#isInterrupted()} (or call
 * interruptible I/O) so a timed-out run really stops. Throwing means the attempt failed and may be retried.
 */
@FunctionalInterface
public interface JobHandler {

    /** Runs the job for {@code message}; returns what to report, or throws when the run failed. */
    JobOutcome run(JobMessage message) throws Exception;
}
