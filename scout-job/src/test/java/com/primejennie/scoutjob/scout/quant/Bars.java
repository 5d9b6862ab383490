package com.primejennie.scoutjob.scout.quant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.primejennie.shared.persistence.DailyPrice;

/** Daily bars for hand-computed cases: close given, high = close + 50, low = close − 50, open = close. */
final class Bars {

    static final LocalDate START = LocalDate.of(2025, 6, 2);

    private Bars() {
    }

    static List<DailyPrice> of(double[] closes, long volume) {
        List<DailyPrice> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            long c = Math.round(closes[i]);
            out.add(new DailyPrice("005930", START.plusDays(i), c, c + 50, c - 50, c, volume));
        }
        return out;
    }

    static double[] flat(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    static double[] linear(int n, double first, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = first + step * i;
        }
        return v;
    }

    static double[] geometric(int n, double first, double dailyPct) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = first * Math.pow(1 + dailyPct / 100, i);
        }
        return v;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
