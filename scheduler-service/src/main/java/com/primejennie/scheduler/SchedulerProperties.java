package com.primejennie.scheduler;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler runs ({@code jennie.scheduler.*}); the defaults live here.
 *
 * @param scope          the Python {@code SCHEDULER_SCOPE}: jobs of other scopes are not listed, run or fired
 * @param loopEnabled    whether the clock loops run (tests drive {@code tick} by hand instead)
 * @param tickInterval   real time between two looks at the market clock (a simulated clock may run faster)
 * @param misfireGrace   market time after its instant within which a fire still counts as on time; later it is
 *                       "missed" and follows the job's policy (the loop widens it to a few ticks of a fast clock)
 * @param claimTtl       how long a fire's {@code SET NX} claim lives (only bounds memory: fire instants are unique)
 * @param catchUpWindow  how far back missed fires are looked for after a long downtime
 * @param defaultJobs    whether the default jobs are created at start when absent
 */
@ConfigurationProperties("jennie.scheduler")
public record SchedulerProperties(
        @DefaultValue("real") String scope,
        @DefaultValue("true") boolean loopEnabled,
        @DefaultValue("250ms") Duration tickInterval,
        @DefaultValue("60s") Duration misfireGrace,
        @DefaultValue("1h") Duration claimTtl,
        @DefaultValue("7d") Duration catchUpWindow,
        @DefaultValue("true") boolean defaultJobs) {

    public SchedulerProperties {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("jennie.scheduler.scope must not be blank");
        }
    }
}
