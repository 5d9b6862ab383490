package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.indicators.SimpleRsi;

/**
 * RSI_REBOUND (§2.6 C; not in bull regimes): RSI crosses up through the threshold on this bar
 * (RSI without the last close &lt; threshold ≤ RSI). [DEFECT fixed, §5.2] Python's reason text for a miss threw, so
 * MOMENTUM was never reached in non-bull regimes; here a miss says "RSI x.x &lt; threshold" ("N/A" without RSI) and the
 * evaluation goes on.
 */
public final class RsiRebound implements BuyStrategy {

    public static final String ID = "RSI_REBOUND";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        double threshold = BuyStrategy.param(params, "threshold", ctx.thresholds().rsiReboundDefault());
        List<Double> closes = ctx.closes();
        Double now = ctx.rsi();
        Double before = closes.isEmpty() ? null : SimpleRsi.of(closes.subList(0, closes.size() - 1));
        if (now != null && before != null && before < threshold && threshold <= now) {
            return StrategyCheck.hit(ID, "RSI rebound " + BuyStrategy.num(before) + " → " + BuyStrategy.num(now)
                    + " through " + BuyStrategy.num(threshold));
        }
        return StrategyCheck.miss(ID, "RSI " + (now == null ? "N/A" : BuyStrategy.num(now)) + " (prev "
                + (before == null ? "N/A" : BuyStrategy.num(before)) + ") vs threshold " + BuyStrategy.num(threshold));
    }
}
