package com.primejennie.buyscanner.bars;

import java.time.LocalDateTime;

/**
 * One completed (or forming) bar of one stock: what the gates and strategies read.
 *
 * @param start     the bar's start, naive KST (like {@code STOCK_MINUTE_PRICE.PRICE_TIME})
 * @param volume    shares traded in the bar (0 when the producer sends no {@code vol})
 * @param tickCount ticks that built the bar (0 for a bar loaded at warm start)
 */
public record Bar(LocalDateTime start, double open, double high, double low, double close, long volume,
                  int tickCount) {

    /** A bar opened by its first tick. */
    public static Bar first(LocalDateTime start, double price, long volume) {
        return new Bar(start, price, price, price, price, volume, 1);
    }

    /** This bar with one more tick. */
    public Bar with(double price, long volume) {
        return new Bar(start, open, Math.max(high, price), Math.min(low, price), price, this.volume + volume,
                tickCount + 1);
    }

    public boolean bullish() {
        return close > open;
    }

    public boolean bearish() {
        return close < open;
    }

    public double body() {
        return Math.abs(close - open);
    }

    public double range() {
        return high - low;
    }
}
