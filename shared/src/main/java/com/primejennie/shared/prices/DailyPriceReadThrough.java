package com.primejennie.shared.prices;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.primejennie.shared.kis.DailyBar;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.DailyPriceRepository;

/**
 * The one code path that writes {@code STOCK_DAILY_PRICES_3Y}: a service that needs daily bars reads them here, and
 * whatever the table lacks up to the last completed session is fetched through {@link KisClient#dailyChart} and
 * stored before the answer is read back from the table. The nightly data job uses {@link #sync} the same way, so the
 * table never has two writers with two ideas of a bar.
 *
 * <p>Only completed sessions are stored: before today's close the newest bar asked for is the previous trading day's
 * (KIS's chart already carries today's unfinished bar during the session; storing it would freeze a partial close).
 * A fetch that KIS answers with fewer sessions than asked (a recent listing, a suspended stock) is not repeated for
 * the same range within this instance, so a caller reading a young stock's 120 bars does not call KIS every time.
 */
public class DailyPriceReadThrough {

    /** How far back {@link #sync} back-fills a code the table lacks: three years. */
    public static final int BACKFILL_YEARS = 3;

    private final DailyPriceRepository repository;
    private final KisClient kis;
    private final TradingCalendar calendar;
    private final MarketClock clock;
    private final FetchMemory attempted = new FetchMemory();

    public DailyPriceReadThrough(DailyPriceRepository repository, KisClient kis, TradingCalendar calendar,
                                 MarketClock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.kis = Objects.requireNonNull(kis, "kis");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The latest {@code count} completed sessions of {@code stockCode}, oldest first; fetches from KIS and stores
     * what the table lacks (missing newest sessions, or fewer than {@code count} stored).
     *
     * @throws com.primejennie.shared.kis.KisException when KIS had to be asked and failed (nothing partial is hidden)
     */
    public List<DailyPrice> latest(String stockCode, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count of daily prices must be positive, was " + count);
        }
        LocalDate target = lastCompletedSession();
        List<DailyPrice> stored = repository.findLatest(stockCode, count);
        LocalDate newest = stored.isEmpty() ? null : stored.get(stored.size() - 1).priceDate();
        boolean current = newest != null && !newest.isBefore(target);
        if (current && stored.size() >= count) {
            return stored;
        }
        LocalDate from = stored.size() >= count ? newest.plusDays(1) : sessionsBack(target, count);
        if (attempted.seen(stockCode, from, target) || fetch(stockCode, from, target) == 0) {
            return stored; // asked before, or KIS had nothing more: answer what there is
        }
        return repository.findLatest(stockCode, count);
    }

    /**
     * Completed sessions of {@code stockCode} in {@code [from, to]} (to capped at the last completed session),
     * oldest first; fetches the range from KIS when the table holds fewer sessions than the calendar has.
     */
    public List<DailyPrice> between(String stockCode, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        LocalDate end = min(to, lastCompletedSession());
        if (end.isBefore(from)) {
            return List.of();
        }
        List<DailyPrice> stored = repository.findBetween(stockCode, from, end);
        if (stored.size() >= tradingDays(from, end)) {
            return stored;
        }
        LocalDate missingFrom = from;
        LocalDate missingTo = end;
        if (!stored.isEmpty() && stored.get(0).priceDate().equals(firstTradingDayFrom(from))) {
            missingFrom = stored.get(stored.size() - 1).priceDate().plusDays(1); // only the newest end is missing
            if (missingFrom.isAfter(missingTo)) {
                missingFrom = from; // a hole in the middle: fetch the whole range
            }
        }
        if (attempted.seen(stockCode, missingFrom, missingTo) || fetch(stockCode, missingFrom, missingTo) == 0) {
            return stored;
        }
        return repository.findBetween(stockCode, from, end);
    }

    /**
     * Brings {@code stockCode} up to the last completed session for the nightly job: a code without history is
     * back-filled {@link #BACKFILL_YEARS} years, a code with history gets the sessions after its newest, and a code
     * whose oldest stored session is younger than the back-fill horizon gets the older part once (KIS answers an
     * empty page before the listing date). A rerun on the same day asks KIS nothing and writes nothing.
     *
     * @return what was asked and stored
     */
    public SyncResult sync(String stockCode) {
        LocalDate target = lastCompletedSession();
        LocalDate horizon = target.minusYears(BACKFILL_YEARS);
        List<DailyPrice> newestStored = repository.findLatest(stockCode, 1);
        if (newestStored.isEmpty()) {
            int stored = fetch(stockCode, horizon, target);
            return new SyncResult(stockCode, true, horizon, target, stored);
        }
        int stored = 0;
        LocalDate newest = newestStored.get(0).priceDate();
        LocalDate from = newest.plusDays(1);
        if (!from.isAfter(target) && !attempted.seen(stockCode, from, target)) {
            stored += fetch(stockCode, from, target);
        }
        LocalDate oldest = repository.findBetween(stockCode, horizon, newest).stream().findFirst()
                .map(DailyPrice::priceDate).orElse(newest);
        boolean backfilled = false;
        if (oldest.isAfter(horizon.plusDays(10)) && !attempted.seen(stockCode, horizon, oldest.minusDays(1))) {
            stored += fetch(stockCode, horizon, oldest.minusDays(1));
            backfilled = true;
        }
        return new SyncResult(stockCode, backfilled, from, target, stored);
    }

    /** The newest session whose bar is final now: today after the close on a trading day, else the previous one. */
    public LocalDate lastCompletedSession() {
        LocalDate today = clock.today();
        if (calendar.isTradingDay(today) && !clock.now().isBefore(calendar.sessionClose(today))) {
            return today;
        }
        return calendar.previousTradingDay(today);
    }

    /**
     * What one {@link #sync} did.
     *
     * @param backfilled whether older history was asked for (a code new to the table, or younger than the horizon)
     * @param from       the first date asked for the newest end
     * @param to         the last completed session
     * @param stored     sessions fetched from KIS and written (an upsert of the same values leaves the row as it was)
     */
    public record SyncResult(String stockCode, boolean backfilled, LocalDate from, LocalDate to, int stored) {
    }

    private int fetch(String stockCode, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return 0;
        }
        List<DailyBar> bars = kis.dailyChart(stockCode, from, to, 'D');
        List<DailyPrice> rows = bars.stream().filter(b -> !b.date().isAfter(to) && !b.date().isBefore(from))
                .filter(b -> b.close() > 0)
                .map(b -> new DailyPrice(stockCode, b.date(), b.open(), b.high(), b.low(), b.close(), b.volume()))
                .toList();
        repository.upsert(rows);
        attempted.remember(stockCode, from, to);
        return rows.size();
    }

    private LocalDate sessionsBack(LocalDate end, int sessions) {
        LocalDate day = end;
        try {
            for (int i = 1; i < sessions; i++) {
                day = calendar.previousTradingDay(day);
            }
            return day;
        } catch (IllegalArgumentException outsideCalendar) {
            return end.minusDays(sessions * 7L / 5 + 14); // a calendar that ends: weekdays plus holiday slack
        }
    }

    private int tradingDays(LocalDate from, LocalDate to) {
        int n = 0;
        try {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (calendar.isTradingDay(d)) {
                    n++;
                }
            }
        } catch (IllegalArgumentException outsideCalendar) {
            return Integer.MAX_VALUE; // unknown: ask KIS
        }
        return n;
    }

    private LocalDate firstTradingDayFrom(LocalDate from) {
        try {
            return calendar.isTradingDay(from) ? from : calendar.nextTradingDay(from);
        } catch (IllegalArgumentException outsideCalendar) {
            return from;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Ranges already asked of KIS by this instance, so a short answer (a young listing, a suspended stock) is not
     * asked again: a range is known when one asked before started on the same day and reached at least as far.
     */
    private static final class FetchMemory {
        private final java.util.Map<String, LocalDate> reached = new java.util.concurrent.ConcurrentHashMap<>();

        void remember(String code, LocalDate from, LocalDate to) {
            if (reached.size() > 50_000) {
                reached.clear();
            }
            reached.merge(code + ":" + from, to, (a, b) -> a.isAfter(b) ? a : b);
        }

        boolean seen(String code, LocalDate from, LocalDate to) {
            LocalDate known = reached.get(code + ":" + from);
            return known != null && !known.isBefore(to);
        }
    }
}
