package com.primejennie.shared.market;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The KRX session hours and their exceptions ({@code jennie.calendar.*}), all defaults here.
 *
 * @param open             regular open, KST (09:00)
 * @param close            regular close, KST (15:30)
 * @param firstDayOpen     open on the first trading day of a year (10:00; the close stays regular)
 * @param examDayOpen      open on the college entrance exam day, 수능 (10:00)
 * @param examDayClose     close on the exam day (16:30)
 * @param examDays         the exam days; the Ministry of Education announces each a year ahead
 * @param extraHolidays    closed days not (yet) in the bundled list, e.g. a temporary holiday declared at short notice
 * @param preOpenAuction   opening call auction before the open (30 min: 08:30–09:00)
 * @param closingAuction   closing call auction at the end of the session, no trades (10 min: 15:20–15:30)
 * @param afterHoursGap    pause between the close and the after-hours sessions (10 min: from 15:40)
 * @param afterHours       length of the after-hours closing-price and single-price sessions (140 min: until 18:00)
 */
@ConfigurationProperties("jennie.calendar")
public record KrxSessionRules(
        @DefaultValue("09:00") LocalTime open,
        @DefaultValue("15:30") LocalTime close,
        @DefaultValue("10:00") LocalTime firstDayOpen,
        @DefaultValue("10:00") LocalTime examDayOpen,
        @DefaultValue("16:30") LocalTime examDayClose,
        @DefaultValue({"2025-11-13", "2026-11-19"}) List<LocalDate> examDays,
        @DefaultValue({}) List<LocalDate> extraHolidays,
        @DefaultValue("30m") Duration preOpenAuction,
        @DefaultValue("10m") Duration closingAuction,
        @DefaultValue("10m") Duration afterHoursGap,
        @DefaultValue("140m") Duration afterHours) {

    @ConstructorBinding
    public KrxSessionRules {
        Objects.requireNonNull(open, "jennie.calendar.open");
        Objects.requireNonNull(close, "jennie.calendar.close");
        Objects.requireNonNull(firstDayOpen, "jennie.calendar.first-day-open");
        Objects.requireNonNull(examDayOpen, "jennie.calendar.exam-day-open");
        Objects.requireNonNull(examDayClose, "jennie.calendar.exam-day-close");
        preOpenAuction = orDefault(preOpenAuction, TradingSession.DEFAULT_PRE_OPEN, "pre-open-auction");
        closingAuction = orDefault(closingAuction, TradingSession.DEFAULT_CLOSING_AUCTION, "closing-auction");
        afterHoursGap = orDefault(afterHoursGap, TradingSession.DEFAULT_AFTER_HOURS_GAP, "after-hours-gap");
        afterHours = orDefault(afterHours, TradingSession.DEFAULT_AFTER_HOURS, "after-hours");
        requireOrdered("jennie.calendar.open/close", open, close);
        requireOrdered("jennie.calendar.first-day-open/close", firstDayOpen, close);
        requireOrdered("jennie.calendar.exam-day-open/exam-day-close", examDayOpen, examDayClose);
        examDays = examDays == null ? List.of() : List.copyOf(new TreeSet<>(examDays));
        extraHolidays = extraHolidays == null ? List.of() : List.copyOf(new TreeSet<>(extraHolidays));
        Set<LocalDate> both = new TreeSet<>(examDays);
        both.retainAll(extraHolidays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("jennie.calendar: " + both + " configured both as exam day and holiday");
        }
    }

    /** The session hours with KRX's standard auction and after-hours lengths. */
    public KrxSessionRules(LocalTime open, LocalTime close, LocalTime firstDayOpen, LocalTime examDayOpen,
                           LocalTime examDayClose, List<LocalDate> examDays, List<LocalDate> extraHolidays) {
        this(open, close, firstDayOpen, examDayOpen, examDayClose, examDays, extraHolidays, null, null, null, null);
    }

    /** The day's session {@code open}..{@code close} with these rules' auctions and after-hours around it. */
    public TradingSession session(LocalDate date, LocalTime open, LocalTime close) {
        return new TradingSession(date, date.atTime(open).atZone(MarketClock.KST),
                date.atTime(close).atZone(MarketClock.KST), preOpenAuction, closingAuction, afterHoursGap, afterHours);
    }

    /** The rules KRX applies today, for code and tests outside Spring. */
    public static KrxSessionRules defaults() {
        return new KrxSessionRules(LocalTime.of(9, 0), LocalTime.of(15, 30), LocalTime.of(10, 0), LocalTime.of(10, 0),
                LocalTime.of(16, 30), List.of(LocalDate.of(2025, 11, 13), LocalDate.of(2026, 11, 19)), List.of());
    }

    private static Duration orDefault(Duration value, Duration fallback, String property) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("jennie.calendar." + property + " must not be negative, was " + value);
        }
        return value;
    }

    private static void requireOrdered(String property, LocalTime open, LocalTime close) {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException(property + ": open " + open + " must be before close " + close);
        }
    }
}
