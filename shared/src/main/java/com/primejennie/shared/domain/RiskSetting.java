package com.primejennie.shared.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The risk envelope a buy signal carries (spec/buy-path.md §1.3), at the top level and per candidate: how big a
 * position to take and where its stop sits. Every field is optional on the wire: a manual Telegram buy sends only
 * {@code position_size_ratio}, and the executor adds {@code atr_used} when it recomputes the stop from ATR.
 *
 * @param positionSizeRatio  the macro position multiplier
 * @param stopLossMultiplier macro stop-loss multiplier
 * @param riskOffLevel       macro risk-off level (0 = none)
 * @param vixRegime          lower-case VIX regime ({@code "normal"}), {@code "NORMAL"} without context
 * @param stopLossPct        stop as a negative fraction: −0.05 × {@code stopLossMultiplier}
 * @param macroSource        where the macro numbers come from ({@code "daily_insight"})
 * @param atrUsed            the rounded ATR the executor used for the stop, when it did
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskSetting(
        Double positionSizeRatio,
        Double stopLossMultiplier,
        Integer riskOffLevel,
        String vixRegime,
        Double stopLossPct,
        String macroSource,
        Long atrUsed) {

    /** The macro-derived setting the buy-scanner attaches (stop = −5 % × multiplier, source daily_insight). */
    public static RiskSetting fromMacro(double positionSizeRatio, double stopLossMultiplier, int riskOffLevel,
                                        String vixRegime) {
        return new RiskSetting(positionSizeRatio, stopLossMultiplier, riskOffLevel, vixRegime,
                -0.05 * stopLossMultiplier, "daily_insight", null);
    }
}
