package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/** Fixed target: only when trailing take-profit is disabled, profit ≥ SELL_TARGET_PROFIT_PCT sells all (§1.5 #7). */
public final class FixedTargetRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        double p = c.profitPct();
        if (!c.thresholds().trailingEnabled() && p >= c.thresholds().targetProfitPct()) {
            return Optional.of(ExitSignal.full("TARGET_PROFIT", "Target Profit: " + Fmt.f2(p) + "%"));
        }
        return Optional.empty();
    }
}
