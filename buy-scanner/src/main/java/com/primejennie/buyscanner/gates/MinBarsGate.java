package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/** Gate 0: at least {@code MIN_REQUIRED_BARS} (20) recent bars, so the indicators mean something. */
public final class MinBarsGate implements RiskGate {

    @Override
    public String name() {
        return "Min Bars";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        int min = ctx.settings().get(SettingKeys.MIN_REQUIRED_BARS);
        int have = ctx.bars().size();
        return GateResult.of(name(), have >= min, have, min);
    }
}
