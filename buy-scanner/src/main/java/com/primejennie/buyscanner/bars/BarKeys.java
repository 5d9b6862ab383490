package com.primejennie.buyscanner.bars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Which bar a moment belongs to: the start of its {@code intervalSeconds} slot of the KST day. Python keyed bars by
 * the processing wall time in UTC (a replayed backlog all landed in the current bar, spec §2.4); here a tick is keyed
 * by the exchange trade time it carries ({@code time}, {@code HHmmss} KST), else by the market clock.
 */
public final class BarKeys {

    private BarKeys() {
    }

    /** The bar start of {@code kst} for bars of {@code intervalSeconds}. */
    public static LocalDateTime keyOf(LocalDateTime kst, int intervalSeconds) {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("bar interval must be > 0 seconds, got " + intervalSeconds);
        }
        int second = kst.toLocalTime().toSecondOfDay();
        return kst.toLocalDate().atStartOfDay().plusSeconds((long) (second / intervalSeconds) * intervalSeconds);
    }

    public static LocalDateTime keyOf(ZonedDateTime kst, int intervalSeconds) {
        return keyOf(kst.toLocalDateTime(), intervalSeconds);
    }

    /**
     * The KST moment of an exchange time {@code HHmmss} on {@code day}; {@code null} when {@code hhmmss} is absent.
     *
     * @throws IllegalArgumentException naming the value when it is not {@code HHmmss}
     */
    public static LocalDateTime exchangeTime(LocalDate day, String hhmmss) {
        if (hhmmss == null) {
            return null;
        }
        if (hhmmss.length() != 6) {
            throw new IllegalArgumentException("tick time must be HHmmss, got '" + hhmmss + "'");
        }
        try {
            return day.atTime(LocalTime.of(Integer.parseInt(hhmmss.substring(0, 2)),
                    Integer.parseInt(hhmmss.substring(2, 4)), Integer.parseInt(hhmmss.substring(4, 6))));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("tick time must be HHmmss, got '" + hhmmss + "'", e);
        }
    }
}
