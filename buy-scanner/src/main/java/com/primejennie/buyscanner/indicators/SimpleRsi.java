package com.primejennie.buyscanner.indicators;

import java.util.List;

/**
 * The RSI(14) of spec/buy-path.md §2.4, kept as the Python scanner computed it because its thresholds (the RSI
 * guard at 70, RSI_REBOUND's 30/40/50, the conviction entry's 65) were tuned on it. It is <b>not</b> Wilder's RSI
 * (ta4j's {@code RSIIndicator} smooths gains and losses with Wilder's moving average), so it is implemented here:
 * the plain mean of the positive and of the negative deltas of the last 14 changes. A series without a loss (flat
 * included) is 100, so a stock that only rose for 14 bars is stopped by the RSI guard (spec §5 item 13).
 */
public final class SimpleRsi {

    /** The period: 14 changes, 15 values. */
    public static final int PERIOD = 14;

    private SimpleRsi() {
    }

    /** RSI of {@code closes} (oldest first); {@code null} with fewer than 15 values. */
    public static Double of(List<Double> closes) {
        int n = closes.size();
        if (n < PERIOD + 1) {
            return null;
        }
        double gains = 0;
        double losses = 0;
        for (int i = n - PERIOD; i < n; i++) {
            double delta = closes.get(i) - closes.get(i - 1);
            if (delta > 0) {
                gains += delta;
            } else {
                losses -= delta;
            }
        }
        double avgGain = gains / PERIOD;
        double avgLoss = losses / PERIOD;
        if (avgLoss == 0) {
            return 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }
}
