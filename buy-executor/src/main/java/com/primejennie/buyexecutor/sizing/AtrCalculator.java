package com.primejennie.buyexecutor.sizing;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The ATR that sizes a buy and sets its stop (spec buy-path §3.2 step 15): intraday over the last 21 minute bars,
 * else Wilder's daily ATR, else 2% of the price; always clamped to 1%–5% of the price.
 */
public final class AtrCalculator {

    /** One OHLC bar, oldest first in every list. */
    public record Bar(double high, double low, double close) {
    }

    public static final int INTRADAY_BARS = 21;

    private AtrCalculator() {
    }

    /** Mean true range of the last 20 steps of the last 21 bars; empty with fewer than 21 bars. */
    public static OptionalDouble intraday(List<Bar> bars) {
        if (bars.size() < INTRADAY_BARS) {
            return OptionalDouble.empty();
        }
        List<Bar> last = bars.subList(bars.size() - INTRADAY_BARS, bars.size());
        double sum = 0;
        for (int i = 1; i < last.size(); i++) {
            sum += trueRange(last.get(i), last.get(i - 1).close());
        }
        return OptionalDouble.of(sum / (INTRADAY_BARS - 1));
    }

    /** Wilder's ATR(period): seed = mean of the first {@code period} TRs, then (n−1)·atr+TR over n. */
    public static OptionalDouble wilder(List<Bar> bars, int period) {
        if (period < 1 || bars.size() < period + 1) {
            return OptionalDouble.empty();
        }
        double seed = 0;
        for (int i = 1; i <= period; i++) {
            seed += trueRange(bars.get(i), bars.get(i - 1).close());
        }
        double atr = seed / period;
        for (int i = period + 1; i < bars.size(); i++) {
            atr = ((period - 1) * atr + trueRange(bars.get(i), bars.get(i - 1).close())) / period;
        }
        return OptionalDouble.of(atr);
    }

    /** The ATR used: {@code candidate} if positive, else 2% of price; clamped to [1%, 5%] of price. */
    public static double clamp(OptionalDouble candidate, double price) {
        double atr = candidate.isPresent() && candidate.getAsDouble() > 0 ? candidate.getAsDouble() : price * 0.02;
        return Math.max(price * 0.01, Math.min(price * 0.05, atr));
    }

    static double trueRange(Bar bar, double previousClose) {
        return Math.max(bar.high() - bar.low(),
                Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
    }
}
