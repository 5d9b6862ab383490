package com.primejennie.pricemonitor.exits.indicators;

import com.primejennie.shared.persistence.DailyPrice;
import java.util.List;

/**
 * The exit rules' indicators with the canonical Wilder formulas of spec §1.5 (the Rust {@code strategy_core}, not
 * the pandas EWM fallback).
 */
public final class Indicators {

    private Indicators() {
    }

    /** ATR(14) of daily bars oldest first; 0 with fewer than 15 bars. */
    public static double atr14(List<DailyPrice> bars) {
        if (bars.size() < 15) {
            return 0;
        }
        int n = bars.size();
        double[] tr = new double[n - 1];
        for (int i = 1; i < n; i++) {
            DailyPrice b = bars.get(i);
            double prevClose = bars.get(i - 1).closePrice();
            tr[i - 1] = Math.max(b.highPrice() - b.lowPrice(),
                    Math.max(Math.abs(b.highPrice() - prevClose), Math.abs(b.lowPrice() - prevClose)));
        }
        double atr = 0;
        for (int i = 0; i < 14; i++) {
            atr += tr[i];
        }
        atr /= 14;
        for (int i = 14; i < tr.length; i++) {
            atr = (13 * atr + tr[i]) / 14;
        }
        return atr;
    }

    /** RSI(14) of {@code closes} oldest first (the tick already appended); NaN with fewer than 15 values. */
    public static double rsi14(double[] closes) {
        if (closes.length < 15) {
            return Double.NaN;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= 14; i++) {
            double d = closes[i] - closes[i - 1];
            gain += Math.max(d, 0);
            loss += Math.max(-d, 0);
        }
        gain /= 14;
        loss /= 14;
        for (int i = 15; i < closes.length; i++) {
            double d = closes[i] - closes[i - 1];
            gain = (13 * gain + Math.max(d, 0)) / 14;
            loss = (13 * loss + Math.max(-d, 0)) / 14;
        }
        if (loss == 0) {
            return gain == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }

    /**
     * MACD bearish divergence (spec §1.5): the last 10 closes rose by more than 2 % while the MACD line
     * (EMA12 − EMA26, adjust=False) fell over the same 10 bars. False with fewer than 36 closes.
     */
    public static boolean macdBearishDivergence(double[] closes) {
        int n = closes.length;
        if (n < 36) {
            return false;
        }
        double[] macd = new double[n];
        double e12 = closes[0];
        double e26 = closes[0];
        double a12 = 2.0 / 13;
        double a26 = 2.0 / 27;
        for (int i = 0; i < n; i++) {
            e12 = i == 0 ? closes[0] : a12 * closes[i] + (1 - a12) * e12;
            e26 = i == 0 ? closes[0] : a26 * closes[i] + (1 - a26) * e26;
            macd[i] = e12 - e26;
        }
        double priceChange = (closes[n - 1] - closes[n - 11]) / closes[n - 11];
        return priceChange > 0.02 && macd[n - 1] < macd[n - 11];
    }
}
