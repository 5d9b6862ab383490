package com.primejennie.shared.feed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Folds ticks into 1-minute OHLCV bars per code, keyed by the <b>exchange</b> time of the trade (KIS's
 * {@code STCK_CNTG_HOUR} on {@code BSOP_DATE}, both KST), not by when the tick was processed: a replayed backlog lands in
 * the minutes it happened in.
 *
 * <p>Why KST-naive {@code PRICE_TIME}: the Python suite's minute-chart collector wrote KIS's own KST timestamps into
 * {@code STOCK_MINUTE_PRICE}, so existing rows, the dashboard's {@code yyyy-MM-dd HH:mm} labels (09:00–15:30) and this
 * writer agree; readers that want "the last N minutes" must take now in KST.
 *
 * <p>A bar is handed out once: when a later tick of the code starts a new minute, or when {@link #drainCompleted} sees
 * its minute is over. Thread-safe.
 */
public final class MinuteBarAggregator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<String, MinuteBar> open = new HashMap<>();

    /**
     * Adds a tick. Returns the bar it completed (the code's previous minute), if any.
     *
     * @param today the KST date to use when the tick carries no business date
     */
    public synchronized List<MinuteBar> accept(TradeTick tick, LocalDate today) {
        LocalDateTime minute = minuteOf(tick, today);
        if (minute == null) {
            return List.of();
        }
        MinuteBar current = open.get(tick.code());
        if (current == null) {
            open.put(tick.code(), MinuteBar.first(tick, minute));
            return List.of();
        }
        if (minute.isAfter(current.minute())) {
            open.put(tick.code(), MinuteBar.first(tick, minute));
            return List.of(current);
        }
        // Same minute, or a late trade of an earlier minute (its bar is already gone): count it in the open bar.
        open.put(tick.code(), current.with(tick));
        return List.of();
    }

    /** Removes and returns the bars whose minute ended at or before {@code nowKst}. */
    public synchronized List<MinuteBar> drainCompleted(LocalDateTime nowKst) {
        List<MinuteBar> done = new ArrayList<>();
        for (Iterator<MinuteBar> it = open.values().iterator(); it.hasNext(); ) {
            MinuteBar bar = it.next();
            if (!bar.minute().plusMinutes(1).isAfter(nowKst)) {
                done.add(bar);
                it.remove();
            }
        }
        return done;
    }

    /** Removes and returns every bar, finished or not (at shutdown, so the last minute is not lost). */
    public synchronized List<MinuteBar> drainAll() {
        List<MinuteBar> all = new ArrayList<>(open.values());
        open.clear();
        return all;
    }

    static LocalDateTime minuteOf(TradeTick tick, LocalDate today) {
        String t = tick.time();
        if (t.length() < 4) {
            return null;
        }
        LocalDate date = today;
        if (tick.businessDate().length() == 8) {
            try {
                date = LocalDate.parse(tick.businessDate(), DATE);
            } catch (DateTimeParseException e) {
                date = today;
            }
        }
        try {
            int hour = Integer.parseInt(t.substring(0, 2));
            int min = Integer.parseInt(t.substring(2, 4));
            return LocalDateTime.of(date, LocalTime.of(hour, min));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
