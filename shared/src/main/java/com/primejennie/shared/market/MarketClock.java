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
        MarketClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return KST;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(self.instant(), zone);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
