package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/**
 * MOMENTUM (§2.6 C): the last close ≥ {@code threshold} % (param; 3.0 when absent, 1.5 in the default list) above
 * the first recent close — but below the chase cap {@code MOMENTUM_MAX_GAIN_PCT} (7 %, upstream).
 */
public final class Momentum implements BuyStrategy {

    public static final String ID = "MOMENTUM";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        double threshold = BuyStrategy.param(params, "threshold", ctx.thresholds().momentumDefaultThreshold());
        List<Double> closes = ctx.closes();
        if (closes.size() < 2) {
            return StrategyCheck.miss(ID, "bars " + closes.size() + " < 2");
        }
        double first = closes.get(0);
        double gain = (closes.get(closes.size() - 1) - first) / first * 100;
        if (gain < threshold) {
            return StrategyCheck.miss(ID, "Momentum=" + BuyStrategy.pct(gain) + " < " + threshold + "%");
        }
        double cap = ctx.settings().get(SettingKeys.MOMENTUM_MAX_GAIN_PCT);
        if (gain >= cap) {
            return StrategyCheck.miss(ID, "chase cap: Momentum=" + BuyStrategy.pct(gain) + " >= " + cap + "%");
        }
        return StrategyCheck.hit(ID, "Momentum=" + BuyStrategy.pct(gain) + " >= " + threshold + "%");
    }
}
