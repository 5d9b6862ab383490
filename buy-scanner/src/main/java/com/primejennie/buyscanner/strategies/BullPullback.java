package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * BULL_PULLBACK (§2.6 A.5; {@code ENABLE_BULL_PULLBACK}, default off upstream): buy the first up bar after a short
 * dip in an uptrend: ≥ 20 bars, MA5 &gt; MA20, close &gt; MA20, ≥ 2 of the 3 bars before the last bearish, the last
 * bullish, and its volume &gt; 0.8 × the mean of the 5 bars before it (whose last must be non-zero).
 */
public final class BullPullback implements BuyStrategy {

    public static final String ID = "BULL_PULLBACK";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        List<Bar> bars = ctx.bars();
        int min = ctx.thresholds().pullbackMinBars();
        if (bars.size() < min) {
            return StrategyCheck.miss(ID, "bars " + bars.size() + " < " + min);
        }
        double ma5 = ctx.indicators().sma(5);
        double ma20 = ctx.indicators().sma(20);
        Bar last = ctx.last();
        if (!(ma5 > ma20) || !(last.close() > ma20)) {
            return StrategyCheck.miss(ID, "no uptrend: MA5 " + BuyStrategy.num(ma5) + ", MA20 "
                    + BuyStrategy.num(ma20) + ", close " + last.close());
        }
        int n = bars.size();
        long bearish = bars.subList(n - 4, n - 1).stream().filter(Bar::bearish).count();
        if (bearish < 2) {
            return StrategyCheck.miss(ID, "bearish bars before the last " + bearish + " < 2");
        }
        if (!last.bullish()) {
            return StrategyCheck.miss(ID, "last bar not bullish");
        }
        List<Bar> five = bars.subList(Math.max(0, n - 6), n - 1);
        if (five.isEmpty() || five.get(five.size() - 1).volume() == 0) {
            return StrategyCheck.miss(ID, "no volume before the last bar");
        }
        double mean = five.stream().mapToLong(Bar::volume).average().orElse(0);
        double need = ctx.thresholds().pullbackVolumeFactor() * mean;
        if (!(last.volume() > need)) {
            return StrategyCheck.miss(ID, "volume " + last.volume() + " <= " + BuyStrategy.num(need));
        }
        return StrategyCheck.hit(ID, "Pullback bounce: " + bearish + "/3 down bars, then up on volume "
                + last.volume());
    }
}
