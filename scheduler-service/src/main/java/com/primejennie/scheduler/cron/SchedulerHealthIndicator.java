package com.primejennie.scheduler.cron;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.primejennie.scheduler.jobs.JobRepository;

/**
 * Health {@code scheduler}: DOWN when a clock loop stopped or has not completed a tick for {@code stale} (its Redis
 * or database is failing), so the operator learns that jobs are not firing; shows the last tick in Korea time.
 */
public final class SchedulerHealthIndicator implements HealthIndicator {

    private final List<ClockLoop> loops;
    private final Duration stale;

    public SchedulerHealthIndicator(List<ClockLoop> loops, Duration stale) {
        this.loops = List.copyOf(Objects.requireNonNull(loops, "loops"));
        this.stale = Objects.requireNonNull(stale, "stale");
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        for (ClockLoop loop : loops) {
            ClockLoop.Status status = loop.status();
            boolean healthy = status.running() && status.sinceSuccess().compareTo(stale) < 0;
            if (!healthy) {
                builder.down();
            }
            builder.withDetail(loop.name(), java.util.Map.of(
                    "running", status.running(),
                    "lastTickKst", status.lastTick() == null ? "-" : String.valueOf(JobRepository.kst(status.lastTick())),
                    "failing", status.failing() == null ? "-" : status.failing()));
        }
        return builder.build();
    }
}
