package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.evaluation.TimeWindow;
import com.primejennie.shared.settings.SettingKeys;

/**
 * Gate 1: no buys in the opening auction noise, KST {@code [NO_TRADE_WINDOW_START, NO_TRADE_WINDOW_END]} (09:00 and
 * 09:15 both inclusive). Python ignored the registry keys and hard-coded the window; here the keys are read (their
 * defaults are the hard-coded values).
 */
public final class NoTradeWindowGate implements RiskGate {

    @Override
    public String name() {
        return "No-Trade Window";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        TimeWindow window = TimeWindow.parse(ctx.settings().get(SettingKeys.NO_TRADE_WINDOW_START),
                ctx.settings().get(SettingKeys.NO_TRADE_WINDOW_END), true);
        boolean inside = window.contains(ctx.now().toLocalTime());
        return GateResult.of(name(), !inside, ctx.now().toLocalTime().toString(), window.toString());
    }
}
