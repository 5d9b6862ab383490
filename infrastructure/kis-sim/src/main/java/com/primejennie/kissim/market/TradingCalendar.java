package com.primejennie.kissim.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days the simulated exchange trades. Weekdays minus the given holidays; to be replaced by the shared KRX
 * calendar (branch core-market) when it lands.
 */
public final class TradingCalendar {

    private final Set<LocalDate> holidays;

    public TradingCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isTradingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    public LocalDate previous(LocalDate d) {
        LocalDate p = d.minusDays(1);
        while (!isTradingDay(p)) {
            p = p.minusDays(1);
        }
        return p;
    }

    public LocalDate next(LocalDate d) {
        LocalDate p = d.plusDays(1);
        while (!isTradingDay(p)) {
            p = p.plusDays(1);
        }
        return p;
    }

    /** {@code d} if it trades, else the trading day before it. */
    public LocalDate onOrBefore(LocalDate d) {
        return isTradingDay(d) ? d : previous(d);
    }

    /** The trading day {@code n} trading days after {@code d}. */
    public LocalDate plusTradingDays(LocalDate d, int n) {
        LocalDate p = d;
        for (int i = 0; i < n; i++) {
            p = next(p);
        }
        return p;
    }
}
