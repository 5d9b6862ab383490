package com.primejennie.shared.indicators;

/**
 * The chart phase (Weinstein stages from MA20/60/120), one implementation for scout's quant multiplier
 * (spec/control-and-intelligence.md §3.7 step 3: Stage 2 ×1.2, Stage 1 ×1.1, Stage 3 ×0.8, exhaustion ×0.7,
 * Stage 4 → 0) and price-monitor's chart-phase exit warning (spec/sell-path-and-broker.md §1.5: stage 3 or
 * exhaustion &gt; 40). Needs at least 125 rows, else {@link #UNKNOWN} (×1.0, no warning).
 *
 * <p>Moved here from scout-job's {@code ChartStage} (branch i19) with the same behaviour. The Python detector's
 * thresholds are not in the spec; this port's rules, checked in this order:
 * <ol>
 *   <li>EXHAUSTION: close at least 50 % above MA120 (the "exhaustion ≥ 50" of the spec, an over-extended run);</li>
 *   <li>STAGE_4: close &lt; MA20 &lt; MA60 &lt; MA120 and MA120 lower than 20 rows before;</li>
 *   <li>STAGE_2: close &gt; MA20 &gt; MA60 &gt; MA120 and MA120 higher than 20 rows before;</li>
 *   <li>STAGE_3: MA60 &gt; MA120 but close below MA60 (an up-trend rolling over);</li>
 *   <li>STAGE_1: MA60 within 3 % of MA120 (a base);</li>
 *   <li>otherwise NONE (×1.0).</li>
 * </ol>
 * The exhaustion score is read the same way: {@link #exhaustionPct} is how far (in %) the close is above MA120, so
 * the stage's "exhaustion ≥ 50" and the exit warning's "exhaustion &gt; 40" are one measure.
 */
public enum ChartPhase {
    STAGE_1(1.1), STAGE_2(1.2), STAGE_3(0.8), STAGE_4(0.0), EXHAUSTION(0.7), NONE(1.0), UNKNOWN(1.0);

    /** Rows the phase needs. */
    public static final int MIN_ROWS = 125;

    /** The exit warning's exhaustion threshold (strictly above, spec sell-path §1.5). */
    public static final double WARNING_EXHAUSTION_PCT = 40.0;

    private final double multiplier;

    ChartPhase(double multiplier) {
        this.multiplier = multiplier;
    }

    /** The quant total's multiplier (scout). */
    public double multiplier() {
        return multiplier;
    }

    /** The phase of the closes (oldest first). */
    public static ChartPhase of(double[] closes) {
        if (closes.length < MIN_ROWS) {
            return UNKNOWN;
        }
        int last = closes.length - 1;
        double close = closes[last];
        double ma20 = sma(closes, 20, last);
        double ma60 = sma(closes, 60, last);
        double ma120 = sma(closes, 120, last);
        // 125 rows give MA120 five rows back; the slope is judged over what the history allows (up to 20 rows).
        int back = Math.min(20, closes.length - 120);
        double ma120Before = sma(closes, 120, last - back);
        if (close >= ma120 * 1.5) {
            return EXHAUSTION;
        }
        if (close < ma20 && ma20 < ma60 && ma60 < ma120 && ma120 < ma120Before) {
            return STAGE_4;
        }
        if (close > ma20 && ma20 > ma60 && ma60 > ma120 && ma120 > ma120Before) {
            return STAGE_2;
        }
        if (ma60 > ma120 && close < ma60) {
            return STAGE_3;
        }
        if (Math.abs(ma60 / ma120 - 1) < 0.03) {
            return STAGE_1;
        }
        return NONE;
    }

    /** How far the last close is above MA120, in % (negative below); NaN with fewer than {@link #MIN_ROWS}. */
    public static double exhaustionPct(double[] closes) {
        if (closes.length < MIN_ROWS) {
            return Double.NaN;
        }
        int last = closes.length - 1;
        return (closes[last] / sma(closes, 120, last) - 1) * 100.0;
    }

    /**
     * The exit chart-phase warning (sell-path §1.5): stage 3, or exhaustion above 40; never with fewer than
     * {@link #MIN_ROWS} closes.
     */
    public static boolean warning(double[] closes) {
        if (closes.length < MIN_ROWS) {
            return false;
        }
        return of(closes) == STAGE_3 || exhaustionPct(closes) > WARNING_EXHAUSTION_PCT;
    }

    private static double sma(double[] v, int n, int end) {
        double sum = 0;
        for (int i = end - n + 1; i <= end; i++) {
            sum += v[i];
        }
        return sum / n;
    }
}
