package com.primejennie.pricemonitor.exits.rules;

import java.time.ZonedDateTime;

/**
 * Everything the exit rules read for one tick of one position, computed once by the engine (indicators, stored
 * state, settings) so that the rules stay pure and fast.
 *
 * @param buyPrice          ACTIVE_PORTFOLIO average buy price
 * @param price             the tick price
 * @param quantity          shares held (cached)
 * @param highPrice         the high watermark after this tick's update (never below the buy price)
 * @param atr               ATR(14) of the daily bars, 0 when there is none (fewer than 15 bars, or exactly 0)
 * @param rsi               RSI(14) of the daily closes plus the tick, NaN when there is none
 * @param closesWithTick    daily closes oldest first with the tick appended, or null with fewer than 20 daily rows
 * @param scaleOutLevel     ladder level already sold (0..4)
 * @param rsiSold           whether the RSI partial already fired for this position
 * @param regime            BULL, BEAR or anything else (SIDEWAYS table)
 * @param now               market time, Asia/Seoul
 * @param macroStopMult     the macro stop-loss multiplier (1.0 when unknown)
 * @param macdBearish       MACD bearish divergence warning (only when enabled and data exists)
 * @param chartPhaseWarning chart-phase warning (only when enabled and data exists)
 * @param holdingDays       days held in KST calendar days, or -1 when unknown
 * @param thresholds        the settings in force
 */
public record ExitContext(String code, String stockName, double buyPrice, double price, long quantity,
                          double highPrice, double atr, double rsi, double[] closesWithTick, int scaleOutLevel,
                          boolean rsiSold, String regime, ZonedDateTime now, double macroStopMult,
                          boolean macdBearish, boolean chartPhaseWarning, int holdingDays,
                          ExitThresholds thresholds) {

    public ExitContext {
        if (!(buyPrice > 0)) {
            throw new IllegalArgumentException("position " + code + " has no buy price (" + buyPrice
                    + "): exits cannot compute profit");
        }
    }

    public double profitPct() {
        return (price - buyPrice) / buyPrice * 100.0;
    }

    public double highProfitPct() {
        return (highPrice - buyPrice) / buyPrice * 100.0;
    }

    /** ATR as a percent of the buy price; 2.0 when there is no ATR (Profit Lock fallback). */
    public double atrPctOrDefault() {
        return atr > 0 ? atr / buyPrice * 100.0 : 2.0;
    }
}
