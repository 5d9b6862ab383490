package com.primejennie.shared.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/** One day's regular session in Korea time, half-open: open at {@code open}, closed from {@code close}. */
public record TradingSession(LocalDate date, ZonedDateTime open, ZonedDateTime close) {

    public TradingSession {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("session of " + date + " opens at " + open + " but closes at " + close);
        }
    }

    /** Whether the session is running at {@code instant}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(open.toInstant()) && instant.isBefore(close.toInstant());
    }
}
