package com.primejennie.shared.macro;

import java.util.List;

/**
 * What the trading context is computed from: the Council daily insight and the global macro snapshot, every field
 * optional ({@code null} = not known). See {@link TradingContextCalculator}.
 *
 * @param treasurySpread       10y−2y spread, from the global snapshot
 * @param koreaNewsSentiment   −1..1, from the global snapshot
 * @param positionSizePct      the Council's position size %, 100 = neutral
 * @param stopLossAdjustPct    the Council's stop-loss adjustment %, 100 = neutral
 */
public record MacroInputs(Double vix, String vixRegime, Double treasurySpread, Double sentimentScore,
                          Double koreaNewsSentiment, String politicalRiskLevel, Double positionSizePct,
                          Double stopLossAdjustPct, List<String> strategiesToAvoid) {

    public MacroInputs {
        strategiesToAvoid = strategiesToAvoid == null ? List.of() : List.copyOf(strategiesToAvoid);
    }

    /** Neither source exists: the spec's defaults (sentiment 50, VIX normal, political risk low). */
    public static MacroInputs none() {
        return new MacroInputs(null, "normal", null, 50.0, null, "low", null, null, List.of());
    }
}
