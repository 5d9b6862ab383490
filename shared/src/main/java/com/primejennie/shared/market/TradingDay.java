package com.primejennie.shared.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * "Today" for daily limits, counters and reports, the same in every service: the KRX trading day in Korea time.
 *
 * <p><b>Rule.</b> A moment belongs to the latest KRX trading day whose date (KST) is on or before the moment's KST
 * date. So on a trading day the whole KST calendar day counts, from 00:00 KST, before the open and after the close
 * alike; on a closed day (weekend, holiday) the previous trading day goes on until 00:00 KST of the next trading day.
 * Friday's counters and report therefore stay "today's" through the weekend and roll over at Monday 00:00 KST.
 *
 * <p>The Python suite used the container's date (UTC), so its "day" rolled over at 09:00 KST, in the middle of the
 * session: the daily buy limit reset mid-morning and {@code /pnl} missed the first 30 minutes of trading [DEFECT,
 * fixed]. Redis keys and reports name a day as {@link #key} ({@code yyyyMMdd}, KST); a day's database rows are those
 * with a naive-UTC timestamp in {@link #windowUtcNaive}.
 */
public final class TradingDay {

    /** {@code yyyyMMdd}, the day's form in keys ({@code telegram:manual_trades:20260211:…}). */
    public static final DateTimeFormatter KEY_FORMAT = DateTimeFormatter.BASIC_ISO_DATE;

    private final MarketClock clock;
    private final TradingCalendar calendar;

    public TradingDay(MarketClock clock, TradingCalendar calendar) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The trading day now. */
    public LocalDate today() {
        return of(clock.instant());
    }

    /** The trading day {@code instant} belongs to (rule above). */
    public LocalDate of(Instant instant) {
        LocalDate kstDate = instant.atZone(MarketClock.KST).toLocalDate();
        return calendar.isTradingDay(kstDate) ? kstDate : calendar.previousTradingDay(kstDate);
    }

    /** Today's key, {@code yyyyMMdd}. */
    public String todayKey() {
        return key(today());
    }

    /** {@code day} as {@code yyyyMMdd}. */
    public static String key(LocalDate day) {
        return day.format(KEY_FORMAT);
    }

    /** The day a {@code yyyyMMdd} key names; fails naming the key when it is not one. */
    public static LocalDate parseKey(String key) {
        try {
            return LocalDate.parse(key, KEY_FORMAT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a yyyyMMdd trading-day key: '" + key + "'", e);
        }
    }

    /**
     * The half-open span of instants belonging to trading day {@code day}: from its 00:00 KST to 00:00 KST of the next
     * trading day.
     */
    public Window window(LocalDate day) {
        if (!calendar.isTradingDay(day)) {
            throw new IllegalArgumentException(day + " is not a KRX trading day");
        }
        Instant start = day.atStartOfDay(MarketClock.KST).toInstant();
        Instant end = calendar.nextTradingDay(day).atStartOfDay(MarketClock.KST).toInstant();
        return new Window(day, start, end);
    }

    /** {@link #window} as naive UTC, the form of the database's timestamps. */
    public WindowUtcNaive windowUtcNaive(LocalDate day) {
        Window w = window(day);
        return new WindowUtcNaive(day, LocalDateTime.ofInstant(w.start(), ZoneOffset.UTC),
                LocalDateTime.ofInstant(w.end(), ZoneOffset.UTC));
    }

    /** A trading day's instants, {@code [start, end)}. */
    public record Window(LocalDate day, Instant start, Instant end) {
        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    /** A trading day's span as naive UTC ({@code TRADE_TIMESTAMP >= start AND TRADE_TIMESTAMP < end}). */
    public record WindowUtcNaive(LocalDate day, LocalDateTime start, LocalDateTime end) {
    }
}
