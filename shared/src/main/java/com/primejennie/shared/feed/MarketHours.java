package com.primejennie.shared.feed;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.market.TradingPhase;

/**
 * Whether trades print continuously at an instant — the watchdog only expects ticks then, not in the call auctions
 * (the closing auction 15:20–15:30 has no trades until its single closing print). Backed by the KRX calendar's
 * {@link TradingPhase} where one is available; {@link #weekdaySession()} is the fallback without holidays.
 */
@FunctionalInterface
public interface MarketHours {

    /** Whether ticks are expected at {@code instant} (continuous trading). */
    boolean isOpen(Instant instant);

    /**
     * The KRX calendar's {@link TradingPhase#CONTINUOUS} phase (holidays, 10:00 first-day and 수능 shifts included).
     * Outside the years the calendar covers it fails fast; the watchdog then falls back to the weekday session rather
     * than going blind.
     */
    static MarketHours of(TradingCalendar calendar) {
        MarketHours fallback = weekdaySession();
        return instant -> {
            try {
                return calendar.phaseAt(instant).isContinuous();
            } catch (IllegalArgumentException e) {
                return fallback.isOpen(instant);
            }
        };
    }

    /** Monday to Friday 09:00–15:20 KST, continuous trading without a holiday calendar. */
    static MarketHours weekdaySession() {
        return instant -> {
            ZonedDateTime kst = instant.atZone(MarketClock.KST);
            DayOfWeek day = kst.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                return false;
            }
            LocalTime t = kst.toLocalTime();
            return !t.isBefore(LocalTime.of(9, 0)) && t.isBefore(LocalTime.of(15, 20));
        };
    }
}
