package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/**
 * GOLDEN_CROSS (§2.6 C): the short MA crosses above the long one on this bar (the previous short MA ≤ the current
 * long MA &lt; the current short MA) with a volume ratio ≥ {@code GOLDEN_CROSS_MIN_VOLUME_RATIO} (1.5). Upgraded to
 * GOLDEN_CROSS_SUPER_PRIME on the "Legendary pattern": foreign net buying of the latest 5 days &gt; 0 and RSI ≤ 40.
 * Never fired in Python (volume 0) — with {@code vol} it does.
 */
public final class GoldenCross implements BuyStrategy {

    public static final String ID = "GOLDEN_CROSS";
    public static final String SUPER_PRIME = "GOLDEN_CROSS_SUPER_PRIME";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        int shortN = (int) BuyStrategy.param(params, "short", ctx.thresholds().goldenCrossShort());
        int longN = (int) BuyStrategy.param(params, "long", ctx.thresholds().goldenCrossLong());
        List<Double> closes = ctx.closes();
        if (closes.size() < longN) {
            return StrategyCheck.miss(ID, "bars " + closes.size() + " < " + longN);
        }
        double maS = mean(closes.subList(closes.size() - shortN, closes.size()));
        double maL = mean(closes.subList(closes.size() - longN, closes.size()));
        double prevMaS = mean(closes.subList(Math.max(0, closes.size() - 1 - shortN), closes.size() - 1));
        double minRatio = ctx.settings().get(SettingKeys.GOLDEN_CROSS_MIN_VOLUME_RATIO);
        boolean cross = prevMaS <= maL && maS > maL;
        if (!cross) {
            return StrategyCheck.miss(ID, "no cross: MA" + shortN + " " + BuyStrategy.num(prevMaS) + "→"
                    + BuyStrategy.num(maS) + " vs MA" + longN + " " + BuyStrategy.num(maL));
        }
        if (ctx.volumeRatio() < minRatio) {
            return StrategyCheck.miss(ID, "volume ratio " + BuyStrategy.num(ctx.volumeRatio()) + " < " + minRatio);
        }
        String reason = "Golden cross MA" + shortN + "/MA" + longN + ", volume x" + BuyStrategy.num(ctx.volumeRatio());
        if (legendary(ctx)) {
            return new StrategyCheck(ID, true, reason + " + Legendary pattern", SUPER_PRIME);
        }
        return StrategyCheck.hit(ID, reason);
    }

    private static boolean legendary(EvaluationContext ctx) {
        List<Double> flows = ctx.foreignNetBuys();
        if (flows.isEmpty()) {
            return false;
        }
        int days = ctx.thresholds().legendaryFlowDays();
        double sum = 0;
        for (Double v : flows.subList(Math.max(0, flows.size() - days), flows.size())) {
            sum += v;
        }
        Double rsi = ctx.rsi();
        return sum > 0 && rsi != null && rsi <= ctx.thresholds().legendaryMaxRsi();
    }

    private static double mean(List<Double> values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.isEmpty() ? Double.NaN : s / values.size();
    }
}
