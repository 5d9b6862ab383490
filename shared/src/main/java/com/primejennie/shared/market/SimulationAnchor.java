package com.primejennie.shared.market;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What every process of one simulation must agree on: the simulated instant {@code start} is shown at the real
 * instant {@code anchor}, and simulated time runs {@code speed} times as fast as real time.
 *
 * <p>Written once by whoever starts a simulation (as {@code jennie.clock.*} properties or under the Redis key
 * {@code jennie:clock}, see {@link ClockAnchorStore}) and read by everyone else.
 */
public record SimulationAnchor(Instant start, Instant anchor, double speed) {

    public SimulationAnchor {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(anchor, "anchor");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("clock speed must be a positive finite number, got " + speed);
        }
    }

    /** A simulation starting at {@code start} at real instant {@code anchor}, at real speed. */
    public static SimulationAnchor realSpeed(Instant start, Instant anchor) {
        return new SimulationAnchor(start, anchor, 1.0);
    }

    /** The simulated instant at real instant {@code realNow} (linear, so before the anchor it reads before start). */
    public Instant simulatedAt(Instant realNow) {
        Duration realElapsed = Duration.between(anchor, realNow);
        if (speed == 1.0) {
            return start.plus(realElapsed);
        }
        return start.plus(Duration.ofNanos(Math.round(realElapsed.toNanos() * speed)));
    }

    /**
     * Parses a configured time: ISO-8601 with offset or {@code Z}, a local date-time taken as Korea time, or epoch
     * milliseconds. Anything else fails with the offending text.
     */
    public static Instant parseTime(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        try {
            if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
                return Instant.ofEpochMilli(Long.parseLong(t));
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase());
            }
            if (t.length() > 19 && (t.lastIndexOf('+') > 9 || t.lastIndexOf('-') > 9)) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(MarketClock.KST).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("not a clock time (ISO-8601, KST local date-time or epoch ms): '"
                    + text + "'", e);
        }
    }
}
