package com.primejennie.pricemonitor.exits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exit path's own settings (the rule thresholds come from RuntimeSettings). The feature flags default to what the
 * Python suite actually did, because switching them on changes trading behaviour (spec §6.11).
 *
 * @param enabled                whether price-monitor evaluates exits at all
 * @param maxTickAge             ticks whose stream id is older than this (market time) never trigger an exit
 * @param positionRefresh        how often the cached positions are re-read from ACTIVE_PORTFOLIO
 * @param rewatchDelay           after a full-exit signal the position is not evaluated for this long; if it is still in
 *                               the DB after that, it is watched again and the exit may fire again (the order service's
 *                               in-flight marker keeps that to one queued sell)
 * @param failureAlertAfter      when every tick has failed for this long, health is DOWN and a critical alert goes out
 * @param dailyBars              daily rows loaded for the indicators (Python: 30)
 * @param maxHoldingDaysEnabled  Python: inert (false)
 * @param regimeTablesEnabled    Python: always SIDEWAYS (false); true reads {@code market:regime:data}.regime
 * @param macdDivergenceEnabled  Python: inert with 30 rows (false); true loads 60 rows and applies the MACD warning
 * @param chartPhaseEnabled      Python: inert with 30 rows (false); true loads 125 rows and applies the chart-phase
 *                               warning (Weinstein stage 3 or exhaustion &gt; 40, shared {@code ChartPhase})
 * @param macroRefresh           how long the macro stop multiplier is kept before the context is rebuilt (market
 *                               time; Python's in-process cache: 30 min)
 */
@ConfigurationProperties("jennie.exits")
public record ExitsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3s") Duration maxTickAge,
                              @DefaultValue("30s") Duration positionRefresh, @DefaultValue("60s") Duration rewatchDelay,
                              @DefaultValue("60s") Duration failureAlertAfter, @DefaultValue("30") int dailyBars,
                              @DefaultValue("false") boolean maxHoldingDaysEnabled,
                              @DefaultValue("false") boolean regimeTablesEnabled,
                              @DefaultValue("false") boolean macdDivergenceEnabled,
                              @DefaultValue("false") boolean chartPhaseEnabled,
                              @DefaultValue("30m") Duration macroRefresh) {

    public static ExitsProperties defaults() {
        return new ExitsProperties(true, Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 30, false, false, false, false, Duration.ofMinutes(30));
    }

    /** Daily rows the indicators need with the flags in force (30, 60 with MACD, 125 with the chart phase). */
    public int dailyBarsNeeded() {
        int bars = dailyBars;
        if (macdDivergenceEnabled) {
            bars = Math.max(60, bars);
        }
        if (chartPhaseEnabled) {
            bars = Math.max(com.primejennie.shared.indicators.ChartPhase.MIN_ROWS, bars);
        }
        return bars;
    }
}
