package com.primejennie.buyexecutor.guards;

import java.util.List;

/**
 * Correlation with the holdings (spec buy-path §3.2 step 17): Pearson correlation of daily log returns over the
 * tail-aligned last closes (≥ 30 points); blocks at {@code CORRELATION_BLOCK_THRESHOLD}, else shrinks the buy.
 */
public final class Correlation {

    public static final int MIN_POINTS = 30;

    private Correlation() {
    }

    /** |corr| of the log returns of two close series, tail-aligned; NaN with fewer than 30 common points. */
    public static double absCorrelation(List<Double> a, List<Double> b) {
        int n = Math.min(a.size(), b.size());
        if (n < MIN_POINTS) {
            return Double.NaN;
        }
        List<Double> x = a.subList(a.size() - n, a.size());
        List<Double> y = b.subList(b.size() - n, b.size());
        double[] rx = new double[n - 1];
        double[] ry = new double[n - 1];
        for (int i = 1; i < n; i++) {
            rx[i - 1] = Math.log(x.get(i) / x.get(i - 1));
            ry[i - 1] = Math.log(y.get(i) / y.get(i - 1));
        }
        double mx = mean(rx);
        double my = mean(ry);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.abs(sxy / Math.sqrt(sxx * syy));
    }

    /** The size multiplier for the largest |corr|: 1.0 below 0.3, 0.9 below 0.5, 0.75 below 0.7, else 0.5. */
    public static double adjustment(double maxAbs) {
        if (Double.isNaN(maxAbs) || maxAbs < 0.3) {
            return 1.0;
        }
        if (maxAbs < 0.5) {
            return 0.9;
        }
        return maxAbs < 0.7 ? 0.75 : 0.5;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
