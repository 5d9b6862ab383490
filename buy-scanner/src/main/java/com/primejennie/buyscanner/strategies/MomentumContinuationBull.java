package com.primejennie.buyscanner.strategies;

import java.util.Map;

import com.primejennie.buyscanner.config.ScannerProperties.Thresholds;
import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/**
 * MOMENTUM_CONTINUATION_BULL (§2.6 A.2): ride an established up-move of a good stock: LLM ≥ 65, ≥ 20 bars,
 * MA5 &gt; MA20, and the last close ≥ 2 % above the open of the first recent bar — but below the chase cap
 * {@code MOMENTUM_CONT_MAX_GAIN_PCT} (5 %, upstream).
 */
public final class MomentumContinuationBull implements BuyStrategy {

    public static final String ID = "MOMENTUM_CONTINUATION_BULL";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        Thresholds t = ctx.thresholds();
        if (ctx.llmScore() < t.continuationMinLlm()) {
            return StrategyCheck.miss(ID, "llm " + BuyStrategy.num(ctx.llmScore()) + " < " + t.continuationMinLlm());
        }
        if (ctx.bars().size() < t.continuationMinBars()) {
            return StrategyCheck.miss(ID, "bars " + ctx.bars().size() + " < " + t.continuationMinBars());
        }
        double ma5 = ctx.indicators().sma(5);
        double ma20 = ctx.indicators().sma(20);
        if (!(ma5 > ma20)) {
            return StrategyCheck.miss(ID, "MA5 " + BuyStrategy.num(ma5) + " <= MA20 " + BuyStrategy.num(ma20));
        }
        double open = ctx.bars().get(0).open();
        double gain = (ctx.last().close() - open) / open * 100;
        if (gain < t.continuationMinGainPct()) {
            return StrategyCheck.miss(ID, "gain " + BuyStrategy.pct(gain) + " < " + t.continuationMinGainPct() + "%");
        }
        double cap = ctx.settings().get(SettingKeys.MOMENTUM_CONT_MAX_GAIN_PCT);
        if (gain >= cap) {
            return StrategyCheck.miss(ID, "chase cap: gain " + BuyStrategy.pct(gain) + " >= " + cap + "%");
        }
        return StrategyCheck.hit(ID, "Continuation: MA5>MA20, gain " + BuyStrategy.pct(gain));
    }
}
