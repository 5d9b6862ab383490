package com.primejennie.scoutjob.scout.regime;

import com.primejennie.scoutjob.scout.quant.Indicators;

/**
 * The market regime from the KOSPI closes (spec §3.7 step 2; the Python detector itself is outside the spec, so these
 * rules are this port's): with {@code live} appended as today's value when given,
 * <ul>
 *   <li>STRONG_BULL: close &gt; MA20 &gt; MA60 and the 20-day return ≥ +5 %;</li>
 *   <li>BULL: close &gt; MA20 &gt; MA60;</li>
 *   <li>STRONG_BEAR: close &lt; MA20 &lt; MA60 and the 20-day return ≤ −5 %;</li>
 *   <li>BEAR: close &lt; MA20 &lt; MA60;</li>
 *   <li>SIDEWAYS otherwise, and with fewer than 60 closes (no KOSPI data).</li>
 * </ul>
 */
public final class RegimeDetector {

    public static final int ROWS = 60;

    private RegimeDetector() {
    }

    public static MarketRegime detect(double[] closes) {
        if (closes.length < ROWS) {
            return MarketRegime.SIDEWAYS;
        }
        double close = closes[closes.length - 1];
        double ma20 = Indicators.sma(closes, 20);
        double ma60 = Indicators.sma(closes, 60);
        double r20 = Indicators.changePct(closes, 20);
        if (close > ma20 && ma20 > ma60) {
            return r20 >= 5 ? MarketRegime.STRONG_BULL : MarketRegime.BULL;
        }
        if (close < ma20 && ma20 < ma60) {
            return r20 <= -5 ? MarketRegime.STRONG_BEAR : MarketRegime.BEAR;
        }
        return MarketRegime.SIDEWAYS;
    }

    /**
     * The Python guard: a BEAR reading taken without the live index (snapshot failed), when the previous regime was
     * neither BEAR nor STRONG_BEAR, keeps the previous regime.
     */
    public static MarketRegime guard(MarketRegime detected, boolean liveSnapshot, MarketRegime previous) {
        if (detected == MarketRegime.BEAR && !liveSnapshot && previous != null && !previous.bearish()) {
            return previous;
        }
        return detected;
    }
}
