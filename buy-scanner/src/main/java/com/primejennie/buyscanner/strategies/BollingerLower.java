package com.primejennie.buyscanner.strategies;

import java.util.Map;

import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * BB_LOWER (§2.6 C; not in bull regimes): the tick price at or below the lower Bollinger band (mean − 2 population
 * standard deviations of the last {@code period} closes, default 20).
 */
public final class BollingerLower implements BuyStrategy {

    public static final String ID = "BB_LOWER";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        int period = (int) BuyStrategy.param(params, "period", ctx.thresholds().bollingerPeriod());
        if (ctx.bars().isEmpty()) {
            return StrategyCheck.miss(ID, "no bars");
        }
        double lower = ctx.indicators().bollingerLower(period);
        if (ctx.tickPrice() <= lower) {
            return StrategyCheck.hit(ID, "Price " + ctx.tickPrice() + " <= lower band " + BuyStrategy.num(lower));
        }
        return StrategyCheck.miss(ID, "price " + ctx.tickPrice() + " > lower band " + BuyStrategy.num(lower));
    }
}
