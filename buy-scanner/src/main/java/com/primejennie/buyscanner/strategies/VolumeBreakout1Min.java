package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * VOLUME_BREAKOUT_1MIN (§2.6 A.4; {@code ENABLE_VOLUME_BREAKOUT_1MIN}, default off): ≥ 20 bars, last close above
 * the highest close of the 20 bars before it, on ≥ 3× the mean volume of all earlier bars.
 */
public final class VolumeBreakout1Min implements BuyStrategy {

    public static final String ID = "VOLUME_BREAKOUT_1MIN";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        List<Bar> bars = ctx.bars();
        int min = ctx.thresholds().volumeBreakoutMinBars();
        if (bars.size() < min) {
            return StrategyCheck.miss(ID, "bars " + bars.size() + " < " + min);
        }
        Bar last = ctx.last();
        List<Bar> before = bars.subList(0, bars.size() - 1);
        List<Bar> window = before.subList(Math.max(0, before.size() - 20), before.size());
        double maxClose = window.stream().mapToDouble(Bar::close).max().orElse(Double.MAX_VALUE);
        if (!(last.close() > maxClose)) {
            return StrategyCheck.miss(ID, "close " + last.close() + " <= " + maxClose);
        }
        double mean = before.stream().mapToLong(Bar::volume).average().orElse(0);
        double ratio = mean == 0 ? 0 : last.volume() / mean;
        double need = ctx.thresholds().volumeBreakoutVolumeRatio();
        if (ratio < need) {
            return StrategyCheck.miss(ID, "volume x" + BuyStrategy.num(ratio) + " < x" + need);
        }
        return StrategyCheck.hit(ID, "1-min breakout above " + maxClose + " on volume x" + BuyStrategy.num(ratio));
    }
}
