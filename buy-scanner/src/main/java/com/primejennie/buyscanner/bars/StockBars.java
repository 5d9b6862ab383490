package com.primejennie.buyscanner.bars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The bar engine of one stock (spec/buy-path.md §2.4): the forming bar, up to {@link #MAX_COMPLETED} completed bars
 * (never reset per day, so the morning still sees the previous session, as the Python scanner's memory did), the
 * day's VWAP and the volume ratio. Not thread-safe: one stock's ticks are processed on one lane, one at a time.
 *
 * <p>A tick whose bar key is later than the forming bar closes it. Unlike Python, a bar also closes on a timer when
 * the stock goes quiet ({@link #closeIfEndedBefore}), and a late tick (key not after the last completed bar) is
 * counted into the forming bar instead of reopening a closed one.
 */
public final class StockBars {

    /** Completed bars kept (spec: 60). */
    public static final int MAX_COMPLETED = 60;

    private final Deque<Bar> completed = new ArrayDeque<>();
    private Bar forming;
    private LocalDate vwapDay;
    private double cumPv;
    private long cumVolume;
    private double vwap;
    private double lastPrice;

    /**
     * Adds one tick.
     *
     * @param barKey the start of the bar the tick belongs to (naive KST)
     * @param day    the tick's KST trading date (the VWAP resets when it changes)
     * @return the bar this tick completed, if it opened a new one
     */
    public Optional<Bar> onTick(LocalDateTime barKey, LocalDate day, double price, long volume) {
        updateVwap(day, price, volume);
        lastPrice = price;
        Bar last = completed.peekLast();
        if (last != null && !barKey.isAfter(last.start())) {
            barKey = forming != null ? forming.start() : last.start().plusSeconds(1);
        }
        if (forming == null) {
            forming = Bar.first(barKey, price, volume);
            return Optional.empty();
        }
        if (barKey.isAfter(forming.start())) {
            Bar done = forming;
            append(done);
            forming = Bar.first(barKey, price, volume);
            return Optional.of(done);
        }
        forming = forming.with(price, volume);
        return Optional.empty();
    }

    /** Closes the forming bar if it started before {@code currentBarKey} (its interval is over); returns it. */
    public Optional<Bar> closeIfEndedBefore(LocalDateTime currentBarKey) {
        if (forming != null && forming.start().isBefore(currentBarKey)) {
            Bar done = forming;
            append(done);
            forming = null;
            return Optional.of(done);
        }
        return Optional.empty();
    }

    /** Puts bars loaded at warm start before every bar seen live (oldest first; older than what is held). */
    public void seed(List<Bar> history) {
        LocalDateTime firstHeld = completed.isEmpty() ? (forming == null ? null : forming.start())
                : completed.peekFirst().start();
        List<Bar> older = new ArrayList<>();
        for (Bar bar : history) {
            if (firstHeld == null || bar.start().isBefore(firstHeld)) {
                older.add(bar);
            }
        }
        for (int i = older.size() - 1; i >= 0; i--) {
            if (completed.size() >= MAX_COMPLETED) {
                break;
            }
            completed.addFirst(older.get(i));
        }
    }

    private void append(Bar bar) {
        completed.addLast(bar);
        while (completed.size() > MAX_COMPLETED) {
            completed.removeFirst();
        }
    }

    private void updateVwap(LocalDate day, double price, long volume) {
        if (!day.equals(vwapDay)) {
            vwapDay = day;
            cumPv = 0;
            cumVolume = 0;
            vwap = price;
        }
        if (volume > 0) {
            cumPv += price * volume;
            cumVolume += volume;
            vwap = cumPv / cumVolume;
        }
    }

    /** The last {@code n} completed bars, oldest first. */
    public List<Bar> recent(int n) {
        List<Bar> all = new ArrayList<>(completed);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    public int completedCount() {
        return completed.size();
    }

    public Optional<Bar> forming() {
        return Optional.ofNullable(forming);
    }

    public double vwap() {
        return vwap;
    }

    public double lastPrice() {
        return lastPrice;
    }

    /**
     * The last completed bar's volume over the mean volume of the kept history (which includes it); 0 when there is
     * no history or the mean is 0 (spec §2.4).
     */
    public double volumeRatio() {
        if (completed.isEmpty()) {
            return 0.0;
        }
        double sum = 0;
        for (Bar bar : completed) {
            sum += bar.volume();
        }
        double mean = sum / completed.size();
        return mean == 0 ? 0.0 : completed.peekLast().volume() / mean;
    }
}
