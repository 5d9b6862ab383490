package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.evaluation.Regimes;
import com.primejennie.shared.settings.SettingKeys;

/** Gate 5: no entries in a BEAR or STRONG_BEAR market while {@code ENABLE_BEAR_ENTRY_BLOCK} (default on). */
public final class RegimeGate implements RiskGate {

    @Override
    public String name() {
        return "Regime Gate";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        boolean enabled = ctx.settings().get(SettingKeys.ENABLE_BEAR_ENTRY_BLOCK);
        boolean blocked = enabled && Regimes.isBear(ctx.regime());
        return GateResult.of(name(), !blocked, ctx.regime(), enabled ? "not BEAR/STRONG_BEAR" : "disabled");
    }
}
