package com.primejennie.buyscanner.gates;

import java.util.List;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/**
 * Gate 6: no buying into a blow-off: fails only when both the volume flag (ratio &gt; {@code RISK_GATE_VOLUME_RATIO},
 * 2.0) and the VWAP flag (price &gt; VWAP × (1 + {@code RISK_GATE_VWAP_DEVIATION}, 0.02)) are set. With Python's
 * volume of 0 this gate could never block; with the feed's {@code vol} it works as designed.
 */
public final class CombinedRiskGate implements RiskGate {

    @Override
    public String name() {
        return "Combined Risk";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        double maxRatio = ctx.settings().get(SettingKeys.RISK_GATE_VOLUME_RATIO);
        double deviation = ctx.settings().get(SettingKeys.RISK_GATE_VWAP_DEVIATION);
        boolean volumeFlag = ctx.volumeRatio() > maxRatio;
        double vwapLimit = ctx.vwap() * (1 + deviation);
        boolean vwapFlag = ctx.vwap() > 0 && ctx.tickPrice() > vwapLimit;
        boolean passed = !(volumeFlag && vwapFlag);
        return new GateResult(passed, List.of(
                new GateCheck("Volume Gate", !volumeFlag, ctx.volumeRatio(), maxRatio),
                new GateCheck("VWAP Gate", !vwapFlag, ctx.tickPrice(), vwapLimit),
                new GateCheck(name(), passed, (volumeFlag ? 1 : 0) + (vwapFlag ? 1 : 0) + " flags", "< 2 flags")));
    }
}
