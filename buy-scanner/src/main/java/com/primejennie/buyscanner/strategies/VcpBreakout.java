package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * VCP_BREAKOUT (§2.6 A.6; {@code ENABLE_VCP_BREAKOUT}, default off upstream, and no longer a momentum-confirmation
 * type): a volatility contraction then a breakout. Over the 20 bars before the last: the second ten bars' mean range
 * ≤ 0.7 × the first ten's (which must be &gt; 0); last volume ≥ 3 × their mean volume; last close above their high.
 */
public final class VcpBreakout implements BuyStrategy {

    public static final String ID = "VCP_BREAKOUT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        List<Bar> bars = ctx.bars();
        if (bars.size() < 21) {
            return StrategyCheck.miss(ID, "bars " + bars.size() + " < 21");
        }
        int n = bars.size();
        List<Bar> base = bars.subList(n - 21, n - 1);
        double first = base.subList(0, 10).stream().mapToDouble(Bar::range).average().orElse(0);
        double second = base.subList(10, 20).stream().mapToDouble(Bar::range).average().orElse(0);
        if (first <= 0) {
            return StrategyCheck.miss(ID, "no range in the base");
        }
        double contraction = second / first;
        if (contraction > ctx.thresholds().vcpMaxRangeContraction()) {
            return StrategyCheck.miss(ID, "range ratio " + BuyStrategy.num(contraction) + " > "
                    + ctx.thresholds().vcpMaxRangeContraction());
        }
        Bar last = ctx.last();
        double meanVolume = base.stream().mapToLong(Bar::volume).average().orElse(0);
        double ratio = meanVolume == 0 ? 0 : last.volume() / meanVolume;
        if (ratio < ctx.thresholds().vcpVolumeRatio()) {
            return StrategyCheck.miss(ID, "volume x" + BuyStrategy.num(ratio) + " < x" + ctx.thresholds().vcpVolumeRatio());
        }
        double high = base.stream().mapToDouble(Bar::high).max().orElse(Double.MAX_VALUE);
        if (!(last.close() > high)) {
            return StrategyCheck.miss(ID, "close " + last.close() + " <= base high " + high);
        }
        return StrategyCheck.hit(ID, "VCP breakout: range ratio " + BuyStrategy.num(contraction) + ", volume x"
                + BuyStrategy.num(ratio));
    }
}
