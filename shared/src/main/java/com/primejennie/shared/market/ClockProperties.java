package com.primejennie.shared.market;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this process reads "now" ({@code jennie.clock.*}); every default is here. Nothing set: the system clock.
 *
 * <ul>
 *   <li>{@code start} and {@code anchor}: a simulation fixed by configuration; every process given the same values
 *       agrees without Redis.</li>
 *   <li>{@code start} without {@code anchor}: join the simulation under {@code redis-key}, creating it (anchored to
 *       now) if none runs; a running simulation with another start or speed fails start-up unless
 *       {@code publish=true}, which restarts the simulation from {@code start} now.</li>
 *   <li>{@code mode=simulated} without {@code start}: follow whatever simulation runs (fails if none).</li>
 * </ul>
 * Times are ISO-8601 with offset or {@code Z}, or a local date-time taken as Korea time.
 *
 * @param mode     {@code system} or {@code simulated}; derived from {@code start} when unset
 * @param start    simulated instant shown at the anchor
 * @param anchor   real instant at which the simulation shows {@code start}
 * @param speed    simulated seconds per real second (positive; 1 when unset)
 * @param publish  restart the shared simulation instead of joining a running one
 * @param redisKey the Redis key holding the shared anchor
 * @param joinTimeout how long start-up keeps trying to reach Redis for the shared anchor before it fails: services
 *                    started together (compose, the launcher) may come up before Redis answers
 */
@ConfigurationProperties("jennie.clock")
public record ClockProperties(
        Mode mode,
        String start,
        String anchor,
        Double speed,
        @DefaultValue("false") boolean publish,
        @DefaultValue(ClockAnchorStore.DEFAULT_KEY) String redisKey,
        @DefaultValue("120s") Duration joinTimeout) {

    /** Real time, or a simulation shared by every process. */
    public enum Mode { SYSTEM, SIMULATED }

    public ClockProperties {
        if (mode == null) {
            mode = hasText(start) ? Mode.SIMULATED : Mode.SYSTEM;
        }
        if (speed != null && (!(speed > 0) || speed.isInfinite())) {
            throw new IllegalArgumentException("jennie.clock.speed must be a positive finite number, got " + speed);
        }
        if (!hasText(redisKey)) {
            redisKey = ClockAnchorStore.DEFAULT_KEY;
        }
        if (joinTimeout == null) {
            joinTimeout = Duration.ofSeconds(120);
        }
        if (joinTimeout.isNegative()) {
            throw new IllegalArgumentException("jennie.clock.join-timeout must not be negative, got " + joinTimeout);
        }
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
