package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * INSTITUTIONAL_ENTRY (§2.6 A.7; {@code ENABLE_INSTITUTIONAL_ENTRY}, default off upstream): a strong up bar closing
 * near its high: ≥ 5 bars, last bullish with range &gt; 0, (high − close)/range &lt; 0.1, body ≥ 2 × the previous body
 * (a previous body of 0 counts as 1), and more volume than the previous bar.
 */
public final class InstitutionalEntry implements BuyStrategy {

    public static final String ID = "INSTITUTIONAL_ENTRY";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        List<Bar> bars = ctx.bars();
        int min = ctx.thresholds().institutionalMinBars();
        if (bars.size() < min) {
            return StrategyCheck.miss(ID, "bars " + bars.size() + " < " + min);
        }
        Bar last = ctx.last();
        Bar prev = bars.get(bars.size() - 2);
        if (!last.bullish() || last.range() <= 0) {
            return StrategyCheck.miss(ID, "last bar not a bullish bar with range");
        }
        double upperWick = (last.high() - last.close()) / last.range();
        if (!(upperWick < ctx.thresholds().institutionalMaxUpperWick())) {
            return StrategyCheck.miss(ID, "close off the high: " + BuyStrategy.num(upperWick * 100) + "% of range");
        }
        double prevBody = prev.body() == 0 ? 1 : prev.body();
        double bodyRatio = last.body() / prevBody;
        if (bodyRatio < ctx.thresholds().institutionalBodyRatio()) {
            return StrategyCheck.miss(ID, "body x" + BuyStrategy.num(bodyRatio) + " < x"
                    + ctx.thresholds().institutionalBodyRatio());
        }
        if (!(last.volume() > prev.volume())) {
            return StrategyCheck.miss(ID, "volume " + last.volume() + " <= " + prev.volume());
        }
        return StrategyCheck.hit(ID, "Institutional bar: body x" + BuyStrategy.num(bodyRatio) + ", volume "
                + last.volume());
    }
}
