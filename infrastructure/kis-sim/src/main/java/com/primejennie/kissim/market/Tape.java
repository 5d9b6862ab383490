package com.primejennie.kissim.market;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One stock's trading day: the trades so far and the running open/high/low/volume. Trades happen on a fixed grid of
 * market time (one per {@code interval} from the open to the close, both included); the price of each comes from, in
 * order: a scripted path set by a test, the replay file's minute bar, or the seeded random walk. Not thread-safe: the
 * {@link MarketSimulator} serialises access.
 */
final class Tape {

    private final Stock stock;
    private final LocalDate date;
    private final long prevClose;
    private final long prevDayVolume;
    private final LocalTime open;
    private final Duration interval;
    private final int lastStep;
    private final double sigmaStep;
    private final double medianVolume;
    private final SplittableRandom random;
    private final ReplayBook replay;
    private final Deque<Long> scripted = new ArrayDeque<>();
    private final TreeMap<LocalTime, MinuteBar> minutes = new TreeMap<>();
    private final List<Trade> recent = new ArrayList<>();

    private int stepsDone = -1;
    private Trade last;

    Tape(Stock stock, LocalDate date, long prevClose, long prevDayVolume, LocalTime open, LocalTime close,
         Duration interval, double dailyVolatility, long seed, ReplayBook replay) {
        this.stock = stock;
        this.date = date;
        this.prevClose = prevClose;
        this.prevDayVolume = prevDayVolume;
        this.open = open;
        this.interval = interval;
        this.lastStep = (int) (Duration.between(open, close).toMillis() / interval.toMillis());
        this.sigmaStep = dailyVolatility / Math.sqrt(Math.max(1, lastStep));
        this.medianVolume = Math.max(1.0, stock.listedShares() * 0.002 / Math.max(1, lastStep)
                * (interval.toMillis() / 1000.0));
        this.random = Seeds.stream(seed, stock.code(), date, "tape");
        this.replay = replay;
    }

    Stock stock() {
        return stock;
    }

    LocalDate date() {
        return date;
    }

    long prevClose() {
        return prevClose;
    }

    long prevDayVolume() {
        return prevDayVolume;
    }

    /** The last trade, or null before the first trade of the day. */
    Trade last() {
        return last;
    }

    /** The price now: the last trade, or the previous close before the open. */
    long price() {
        return last == null ? prevClose : last.price();
    }

    boolean finished() {
        return stepsDone >= lastStep;
    }

    /** Queues prices the next trades will have, one per trade. */
    void script(List<Long> prices) {
        for (Long p : prices) {
            scripted.addLast(clampToLimits(Ticks.snap(p)));
        }
    }

    void clearScript() {
        scripted.clear();
    }

    List<Long> pendingScript() {
        return List.copyOf(scripted);
    }

    /** Runs every grid trade up to market time {@code time} (exclusive of later ones), reporting each to {@code sink}. */
    void advanceTo(LocalTime time, Consumer<Trade> sink) {
        if (time.isBefore(open)) {
            return;
        }
        long elapsed = Duration.between(open, time).toMillis();
        int target = (int) Math.min(lastStep, elapsed / interval.toMillis());
        while (stepsDone < target) {
            stepsDone++;
            LocalTime at = open.plus(interval.multipliedBy(stepsDone));
            sink.accept(trade(at, nextPrice(at), nextVolume(at)));
        }
    }

    /** Runs the rest of the day. */
    void finish(Consumer<Trade> sink) {
        advanceTo(open.plus(interval.multipliedBy(lastStep)), sink);
    }

    /** A trade outside the grid, at {@code time}, at {@code price} (a test setting the price now). */
    Trade tradeNow(LocalTime time, long price, long volume) {
        return trade(time, clampToLimits(Ticks.snap(price)), Math.max(1, volume));
    }

    private long nextPrice(LocalTime at) {
        if (!scripted.isEmpty()) {
            return scripted.pollFirst();
        }
        if (replay != null) {
            Long replayed = replay.priceAt(stock.code(), date, at, interval);
            if (replayed != null) {
                return clampToLimits(Ticks.snap(replayed));
            }
        }
        double g = random.nextGaussian();
        if (last == null) {
            // opening gap: a quarter of a day's volatility
            long gapped = Math.round(prevClose * (1 + g * sigmaStep * Math.sqrt(lastStep) / 4));
            return clampToLimits(Ticks.snap(gapped));
        }
        long price = last.price();
        double ticks = g * sigmaStep * price / Ticks.tickFor(price);
        long whole = (long) Math.floor(ticks + random.nextDouble());
        return clampToLimits(Ticks.step(price, whole));
    }

    private long nextVolume(LocalTime at) {
        if (replay != null) {
            Long replayed = replay.volumeAt(stock.code(), date, at, interval);
            if (replayed != null) {
                return Math.max(1, replayed);
            }
        }
        return Math.max(1, Math.round(medianVolume * Math.exp(0.9 * random.nextGaussian())));
    }

    private long clampToLimits(long price) {
        return Math.max(PriceMath.lowerLimit(prevClose), Math.min(PriceMath.upperLimit(prevClose), price));
    }

    private Trade trade(LocalTime at, long price, long volume) {
        boolean buy = last == null ? random.nextBoolean()
                : price > last.price() || (price == last.price() && last.buyInitiated());
        Trade t;
        if (last == null) {
            t = new Trade(stock.code(), date, at, price, volume, buy, prevClose, price, price, price, volume,
                    price * volume, at, at, at, buy ? 0 : 1, buy ? 1 : 0, buy ? 0 : volume, buy ? volume : 0,
                    prevDayVolume);
        } else {
            boolean newHigh = price > last.high();
            boolean newLow = price < last.low();
            t = new Trade(stock.code(), date, at, price, volume, buy, prevClose, last.open(),
                    newHigh ? price : last.high(), newLow ? price : last.low(), last.cumVolume() + volume,
                    last.cumValue() + price * volume, last.openTime(), newHigh ? at : last.highTime(),
                    newLow ? at : last.lowTime(), last.sellCount() + (buy ? 0 : 1), last.buyCount() + (buy ? 1 : 0),
                    last.sellVolume() + (buy ? 0 : volume), last.buyVolume() + (buy ? volume : 0), prevDayVolume);
        }
        last = t;
        LocalTime minute = at.withSecond(0).withNano(0);
        minutes.merge(minute, new MinuteBar(date, minute, price, price, price, price, volume, price * volume),
                (old, fresh) -> old.with(price, volume));
        return t;
    }

    /** Minute bars up to and including {@code until}, oldest first. */
    List<MinuteBar> minuteBars(LocalTime until) {
        return List.copyOf(minutes.headMap(until, true).values());
    }

    /** The day so far as a daily bar (the previous close when nothing traded yet). */
    DailyBar dailyBar() {
        if (last == null) {
            return new DailyBar(date, prevClose, prevClose, prevClose, prevClose, 0, 0, prevClose);
        }
        return new DailyBar(date, last.open(), last.high(), last.low(), last.price(), last.cumVolume(),
                last.cumValue(), prevClose);
    }
}
