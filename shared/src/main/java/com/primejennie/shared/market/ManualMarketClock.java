package com.primejennie.shared.market;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: for tests (any module's) and for replaying a day step by step. Thread-safe.
 */
public final class ManualMarketClock implements MarketClock {

    private final AtomicReference<Instant> now;

    public ManualMarketClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** A clock showing {@code kst}, a wall-clock time in Korea. */
    public static ManualMarketClock atKst(LocalDateTime kst) {
        return new ManualMarketClock(kst.atZone(KST).toInstant());
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Jumps to {@code instant} (backwards too: tests of clock skew need it). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Jumps to {@code kst}, a wall-clock time in Korea. */
    public void setKst(LocalDateTime kst) {
        set(kst.atZone(KST).toInstant());
    }

    /** Moves forward by {@code amount} and returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance needs a non-negative duration, got " + amount);
        }
        return now.updateAndGet(i -> i.plus(amount));
    }

    @Override
    public String toString() {
        return "ManualMarketClock[" + now.get() + "]";
    }
}
