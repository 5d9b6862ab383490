package com.primejennie.scoutjob.scout.quant;

import java.util.List;

/**
 * The few indicators the quant scorer needs, on plain arrays (oldest first), written so a test can compute each by
 * hand: simple moving averages, an RSI over simple averages of the last 14 changes, the standard deviation of daily
 * returns, and the upper Bollinger band (population standard deviation).
 */
public final class Indicators {

    private Indicators() {
    }

    /** The mean of the {@code n} values ending at {@code end} (inclusive); NaN when there are not enough. */
    public static double sma(double[] v, int n, int end) {
        if (n <= 0 || end - n + 1 < 0 || end >= v.length) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - n + 1; i <= end; i++) {
            sum += v[i];
        }
        return sum / n;
    }

    /** The mean of the last {@code n} values. */
    public static double sma(double[] v, int n) {
        return sma(v, n, v.length - 1);
    }

    /**
     * RSI over the last {@code period} changes with simple averages: {@code 100 − 100 / (1 + avgGain / avgLoss)},
     * 100 when there was no loss. Null when there are not {@code period + 1} closes.
     */
    public static Double rsi(double[] closes, int period) {
        if (closes.length < period + 1) {
            return null;
        }
        double gain = 0;
        double loss = 0;
        for (int i = closes.length - period; i < closes.length; i++) {
            double d = closes[i] - closes[i - 1];
            if (d > 0) {
                gain += d;
            } else {
                loss -= d;
            }
        }
        if (loss == 0) {
            return gain == 0 ? 50.0 : 100.0;
        }
        double rs = (gain / period) / (loss / period);
        return 100 - 100 / (1 + rs);
    }

    /** Population standard deviation of the daily returns over the last {@code n} changes, as a fraction. */
    public static double returnStdev(double[] closes, int n) {
        int count = Math.min(n, closes.length - 1);
        if (count < 2) {
            return Double.NaN;
        }
        double[] r = new double[count];
        for (int i = 0; i < count; i++) {
            int j = closes.length - count + i;
            r[i] = closes[j] / closes[j - 1] - 1;
        }
        return stdev(r);
    }

    /** Population standard deviation. */
    public static double stdev(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double sq = 0;
        for (double x : v) {
            sq += (x - mean) * (x - mean);
        }
        return Math.sqrt(sq / v.length);
    }

    /** Upper Bollinger band of the last {@code n} closes with {@code k} population standard deviations. */
    public static double upperBollinger(double[] closes, int n, double k) {
        if (closes.length < n) {
            return Double.NaN;
        }
        double[] w = new double[n];
        System.arraycopy(closes, closes.length - n, w, 0, n);
        return sma(closes, n) + k * stdev(w);
    }

    /** Percent change from {@code v[length-1-back]} to the last value; NaN when there are not enough values. */
    public static double changePct(double[] v, int back) {
        if (v.length < back + 1 || v[v.length - 1 - back] == 0) {
            return Double.NaN;
        }
        return (v[v.length - 1] / v[v.length - 1 - back] - 1) * 100;
    }

    /** Sum of the non-null values. */
    public static double sum(List<Double> values) {
        double s = 0;
        for (Double d : values) {
            if (d != null) {
                s += d;
            }
        }
        return s;
    }
}
