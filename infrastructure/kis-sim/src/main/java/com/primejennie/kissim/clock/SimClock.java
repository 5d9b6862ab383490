package com.primejennie.kissim.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.primejennie.shared.market.MarketClock;

/**
 * The simulator's view of the shared {@link MarketClock}, which tests can move: it follows the shared clock plus an
 * offset, or stands still while paused. Every market decision in kis-sim reads this, never the wall clock, so a test
 * sets 10:00 KST on a trading day and the market behaves the same whenever and wherever the test runs.
 *
 * <p>The offset is local to this process: to move the whole fleet, move the shared clock ({@code jennie:clock}).
 */
@Component
public class SimClock {

    private final MarketClock base;
    private Duration offset = Duration.ZERO;
    private Instant pausedAt;

    public SimClock(MarketClock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    public synchronized Instant instant() {
        return pausedAt != null ? pausedAt : base.instant().plus(offset);
    }

    public ZonedDateTime now() {
        return instant().atZone(MarketClock.KST);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    /** Shows {@code instant} from now on (still paused if it was). */
    public synchronized void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (pausedAt != null) {
            pausedAt = instant;
        } else {
            offset = Duration.between(base.instant(), instant);
        }
    }

    /** Moves forward by {@code amount}. */
    public synchronized void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the market clock only moves forward, got " + amount);
        }
        set(instant().plus(amount));
    }

    /** Stops the clock where it is: it moves only through {@link #set} and {@link #advance} until resumed. */
    public synchronized void pause() {
        if (pausedAt == null) {
            pausedAt = instant();
        }
    }

    /** Lets the clock run again from where it stands. */
    public synchronized void resume() {
        if (pausedAt != null) {
            Instant at = pausedAt;
            pausedAt = null;
            offset = Duration.between(base.instant(), at);
        }
    }

    public synchronized boolean paused() {
        return pausedAt != null;
    }
}
