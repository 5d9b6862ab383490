package com.primejennie.scheduler.jobs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A stored job: its {@link JobSpec}, its scope and the state the scheduler keeps. The {@code jobs} columns keep the
 * Python meaning (timestamps naive Korea time; {@code last_run_at} = the last scheduled publication); what Java adds
 * ({@code firedThrough}, the instant up to which cron fires are accounted for) comes from the side table.
 */
public record Job(
        JobSpec spec,
        String scope,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime nextDueAt,
        LocalDateTime lastRunAt,
        String lastStatus,
        String lastError,
        Instant firedThrough) {

    public Job {
        Objects.requireNonNull(spec, "spec");
    }

    public String jobId() {
        return spec.jobId();
    }

    public boolean enabled() {
        return spec.enabled();
    }
}
