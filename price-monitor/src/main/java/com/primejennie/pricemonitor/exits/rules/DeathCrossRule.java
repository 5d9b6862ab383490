package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * Death cross: with the tick appended as today's close, SMA5 was ≥ SMA20 on the previous bar and is below it now by
 * at least 0.2 % of SMA20 (§1.5 #8). Needs at least 20 daily rows.
 */
public final class DeathCrossRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        double[] closes = c.closesWithTick();
        if (closes == null || closes.length < 21) {
            return Optional.empty();
        }
        int n = closes.length;
        double sma5Now = mean(closes, n - 5, n);
        double sma20Now = mean(closes, n - 20, n);
        double sma5Prev = mean(closes, n - 6, n - 1);
        double sma20Prev = mean(closes, n - 21, n - 1);
        if (sma5Prev >= sma20Prev && sma5Now < sma20Now && (sma20Now - sma5Now) / sma20Now >= 0.002) {
            return Optional.of(ExitSignal.full("DEATH_CROSS", "Death Cross"));
        }
        return Optional.empty();
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
