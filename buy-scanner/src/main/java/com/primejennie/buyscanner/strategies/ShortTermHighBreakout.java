package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * SHORT_TERM_HIGH_BREAKOUT (§2.6 A.3; off by default upstream, {@code ENABLE_SHORT_TERM_HIGH_BREAKOUT}): ≥ 30 bars,
 * last close above every earlier high, on ≥ 2× the mean volume of the (up to 30) bars before it; a mean of 0 never
 * fires (so Python, with volume 0, never fired it).
 */
public final class ShortTermHighBreakout implements BuyStrategy {

    public static final String ID = "SHORT_TERM_HIGH_BREAKOUT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        List<Bar> bars = ctx.bars();
        int min = ctx.thresholds().shortTermHighMinBars();
        if (bars.size() < min) {
            return StrategyCheck.miss(ID, "bars " + bars.size() + " < " + min);
        }
        Bar last = ctx.last();
        List<Bar> before = bars.subList(0, bars.size() - 1);
        double high = before.stream().mapToDouble(Bar::high).max().orElse(Double.MAX_VALUE);
        if (!(last.close() > high)) {
            return StrategyCheck.miss(ID, "close " + last.close() + " <= high " + high);
        }
        List<Bar> window = before.subList(Math.max(0, before.size() - 30), before.size());
        double mean = window.stream().mapToLong(Bar::volume).average().orElse(0);
        if (mean == 0) {
            return StrategyCheck.miss(ID, "no volume history");
        }
        double ratio = last.volume() / mean;
        double need = ctx.thresholds().shortTermHighVolumeRatio();
        if (ratio < need) {
            return StrategyCheck.miss(ID, "volume x" + BuyStrategy.num(ratio) + " < x" + need);
        }
        return StrategyCheck.hit(ID, "Breakout above " + high + " on volume x" + BuyStrategy.num(ratio));
    }
}
