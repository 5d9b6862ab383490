package com.primejennie.buyscanner.gates;

import com.primejennie.shared.macro.TradingContext;
import com.primejennie.buyscanner.evaluation.EvaluationContext;

/** Gate 4: no buys in a risk-off market: risk-off level ≥ 2 or VIX regime {@code crisis}; no context passes. */
public final class MacroRiskGate implements RiskGate {

    @Override
    public String name() {
        return "Macro Risk";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        TradingContext macro = ctx.macro();
        int maxLevel = ctx.thresholds().macroRiskOffLevel();
        if (macro == null) {
            return GateResult.of(name(), true, "no context", ">= " + maxLevel + " or crisis");
        }
        boolean blocked = macro.riskOffLevel() >= maxLevel || "crisis".equalsIgnoreCase(macro.vixRegime());
        return GateResult.of(name(), !blocked, "level " + macro.riskOffLevel() + ", vix " + macro.vixRegime(),
                ">= " + maxLevel + " or crisis");
    }
}
