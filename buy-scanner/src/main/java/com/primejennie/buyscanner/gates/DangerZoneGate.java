package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.evaluation.TimeWindow;
import com.primejennie.shared.settings.SettingKeys;

/**
 * Gate 2: no buys in the afternoon danger zone, KST {@code [DANGER_ZONE_START, DANGER_ZONE_END)} (14:00 inclusive,
 * 15:00 exclusive). The registry keys are read (Python ignored them; the defaults are its hard-coded values).
 */
public final class DangerZoneGate implements RiskGate {

    @Override
    public String name() {
        return "Danger Zone";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        TimeWindow window = TimeWindow.parse(ctx.settings().get(SettingKeys.DANGER_ZONE_START),
                ctx.settings().get(SettingKeys.DANGER_ZONE_END), false);
        boolean inside = window.contains(ctx.now().toLocalTime());
        return GateResult.of(name(), !inside, ctx.now().toLocalTime().toString(), window.toString());
    }
}
