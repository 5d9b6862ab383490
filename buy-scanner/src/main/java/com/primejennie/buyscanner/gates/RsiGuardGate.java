package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/** Gate 3: no chasing an overbought stock: fails when RSI &gt; {@code RISK_GATE_RSI_MAX} (70); no RSI passes. */
public final class RsiGuardGate implements RiskGate {

    @Override
    public String name() {
        return "RSI Guard";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        int max = ctx.settings().get(SettingKeys.RISK_GATE_RSI_MAX);
        Double rsi = ctx.rsi();
        return GateResult.of(name(), rsi == null || rsi <= max, rsi, max);
    }
}
