package com.primejennie.shared.macro;

import java.util.List;

import com.primejennie.shared.domain.RiskSetting;

/**
 * The macro trading context (spec/buy-path.md §2.8): how risk-off the market is, how big positions may be and which
 * strategies the macro view allows. Read by buy-scanner (macro-risk gate, allow-list, each signal's risk setting)
 * and by price-monitor (the exit stop multiplier).
 *
 * @param riskOffLevel       0–3
 * @param vixRegime          lower-case ({@code normal}, {@code elevated}, {@code crisis}, {@code low_vol})
 * @param positionMultiplier the macro position multiplier, 0.5–1.3
 * @param stopLossMultiplier the macro stop-loss multiplier
 * @param allowedStrategies  the macro allow-list
 */
public record TradingContext(int riskOffLevel, String vixRegime, double positionMultiplier,
                             double stopLossMultiplier, List<String> allowedStrategies) {

    /** Every strategy the allow-list knows (spec §2.8 "ALL"). */
    public static final List<String> ALL_STRATEGIES = List.of("RECON_BULL_ENTRY", "MOMENTUM_CONTINUATION",
            "SHORT_TERM_HIGH_BREAKOUT", "VOLUME_BREAKOUT_1MIN", "BULL_PULLBACK", "VCP_BREAKOUT",
            "INSTITUTIONAL_ENTRY", "GOLDEN_CROSS", "RSI_REBOUND", "MOMENTUM");

    public TradingContext {
        vixRegime = vixRegime == null ? "normal" : vixRegime;
        allowedStrategies = allowedStrategies == null ? ALL_STRATEGIES : List.copyOf(allowedStrategies);
    }

    /** What a quiet market gives: level 0, multipliers 1.0, everything allowed. */
    public static TradingContext neutral() {
        return new TradingContext(0, "normal", 1.0, 1.0, ALL_STRATEGIES);
    }

    public boolean allows(String strategy) {
        return allowedStrategies.contains(strategy);
    }

    /** The signal's risk setting; without a context, Python's fallback (1.0, 1.0, level 0, {@code "NORMAL"}). */
    public static RiskSetting riskSettingOf(TradingContext context) {
        if (context == null) {
            return RiskSetting.fromMacro(1.0, 1.0, 0, "NORMAL");
        }
        return RiskSetting.fromMacro(context.positionMultiplier(), context.stopLossMultiplier(),
                context.riskOffLevel(), context.vixRegime());
    }
}
