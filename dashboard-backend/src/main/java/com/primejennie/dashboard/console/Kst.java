package com.primejennie.dashboard.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Calendar days in Korea time as naive-UTC bounds (the tables' timestamps), for date filters: a filter may start on a
 * weekend or holiday, which the trading-day window refuses. And JDBC's row values as {@link LocalDateTime}.
 */
public final class Kst {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private Kst() {
    }

    /** 00:00 KST of {@code day}, as naive UTC. */
    public static LocalDateTime startUtc(LocalDate day) {
        return day.atStartOfDay(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** 00:00 KST of the day after {@code day} (exclusive end), as naive UTC. */
    public static LocalDateTime endUtc(LocalDate day) {
        return startUtc(day.plusDays(1));
    }

    /** A DATETIME column value from {@code listOfRows()} (a {@code Timestamp} or already a date-time). */
    public static LocalDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        throw new IllegalArgumentException("not a date-time: " + value.getClass().getName());
    }
}
