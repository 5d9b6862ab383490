package com.primejennie.buyscanner.gates;

import java.util.List;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/**
 * Gate 9 ({@code ENABLE_MICRO_TIMING}, default on; needs 2 bars): no entry on a reversal candle in the last two bars,
 * a <b>shooting star</b> (body &gt; 0 and upper wick &gt; 2 × body) or a <b>bearish engulfing</b> (previous bar up, last
 * bar down, opening at or above the previous close, closing at or below the previous open, on more volume). The
 * engulfing needs volume, so it could never fire in Python (volume 0); with {@code vol} it does.
 */
public final class MicroTimingGate implements RiskGate {

    @Override
    public String name() {
        return "Micro-Timing";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        if (!ctx.settings().get(SettingKeys.ENABLE_MICRO_TIMING) || ctx.bars().size() < 2) {
            return GateResult.of(name(), true, "skipped", "no reversal candle");
        }
        List<Bar> bars = ctx.bars();
        Bar prev = bars.get(bars.size() - 2);
        Bar cur = bars.get(bars.size() - 1);
        if (shootingStar(cur)) {
            return GateResult.of(name(), false, "shooting star", "no reversal candle");
        }
        if (bearishEngulfing(prev, cur)) {
            return GateResult.of(name(), false, "bearish engulfing", "no reversal candle");
        }
        return GateResult.of(name(), true, "none", "no reversal candle");
    }

    static boolean shootingStar(Bar bar) {
        double body = bar.body();
        double upperWick = bar.high() - Math.max(bar.open(), bar.close());
        return body > 0 && upperWick > 2 * body;
    }

    static boolean bearishEngulfing(Bar prev, Bar cur) {
        return prev.close() > prev.open() && cur.close() < cur.open() && cur.open() >= prev.close()
                && cur.close() <= prev.open() && cur.volume() > prev.volume();
    }
}
