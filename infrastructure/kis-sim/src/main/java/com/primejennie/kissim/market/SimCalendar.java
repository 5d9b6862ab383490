package com.primejennie.kissim.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.market.TradingSession;

/**
 * The simulated exchange's days and hours: the shared KRX calendar (holidays, 10:00 openings, 수능) wherever it has
 * data, and plain weekdays with the configured hours outside its covered years, so generated history reaching back
 * before them (and a clock set far ahead) never stops the simulator.
 */
public final class SimCalendar {

    private final TradingCalendar krx;
    private final LocalTime defaultOpen;
    private final LocalTime defaultClose;

    public SimCalendar(TradingCalendar krx, LocalTime defaultOpen, LocalTime defaultClose) {
        this.krx = krx;
        this.defaultOpen = defaultOpen;
        this.defaultClose = defaultClose;
    }

    private boolean covered(LocalDate d) {
        return !d.isBefore(krx.firstSupportedDate()) && !d.isAfter(krx.lastSupportedDate());
    }

    public boolean isTradingDay(LocalDate d) {
        if (covered(d)) {
            return krx.isTradingDay(d);
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** When {@code d}'s regular session opens (KST). */
    public LocalTime open(LocalDate d) {
        return session(d).map(s -> s.open().toLocalTime()).orElse(defaultOpen);
    }

    /** When {@code d}'s regular session closes (KST). */
    public LocalTime close(LocalDate d) {
        return session(d).map(s -> s.close().toLocalTime()).orElse(defaultClose);
    }

    private Optional<TradingSession> session(LocalDate d) {
        return covered(d) ? krx.session(d) : Optional.empty();
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
