package com.primejennie.shared.market;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The one source of "now" for everything market-related. Market decisions are taken in Korea time ({@link #KST});
 * database timestamps are written as the Python suite writes them, naive UTC ({@link #nowUtcNaive()}).
 *
 * <p>Inject it; never call {@code LocalDateTime.now()} or {@code System.currentTimeMillis()} in market logic, so a
 * simulated market day can run at any hour and no test depends on when it runs.
 *
 * <p><b>Which clock a duration follows.</b> Durations that describe the <em>market</em> follow this clock: bars,
 * session windows (no-trade window, danger zone, the closing auction), cooldowns, holding periods, limit-order waits,
 * tick staleness, "today" ({@link TradingDay}). Under a simulation running at 10× speed a 10-minute cooldown passes
 * in one real minute, as it must for the market to look real. Durations that describe the <em>machinery</em> follow
 * real time ({@code System.nanoTime}, {@code InstantSource.system()}, Redis's own clock): timeouts of HTTP, Redis and
 * database calls, leases and locks, retries and back-off, cache lifetimes, stream message age and claim idle times,
 * token issue intervals. A timeout that shrank with the simulation speed would fire on a healthy server; a cooldown on
 * real time would never pass in a fast simulation.
 */
public interface MarketClock {

    /** Korea Standard Time, the exchange's zone. */
    ZoneId KST = ZoneId.of("Asia/Seoul");

    /** The current instant. */
    Instant instant();

    /** Now in Korea time. */
    default ZonedDateTime now() {
        return instant().atZone(KST);
    }

    /** Today's date in Korea time. */
    default LocalDate today() {
        return now().toLocalDate();
    }

    /** Now as the naive UTC timestamp the Python suite stores in the database. */
    default LocalDateTime nowUtcNaive() {
        return LocalDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }

    /** This clock as a {@link Clock} in Korea time, for APIs that take one. */
    default Clock asClock() {
        return asClock(KST);
    }

    /** This clock as a {@link Clock} in {@code zone}; {@code withZone} keeps it live (it never freezes the time). */
    default Clock asClock(ZoneId zone) {
        MarketClock self = this;
        java.util.Objects.requireNonNull(zone, "zone");
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.asClock(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
