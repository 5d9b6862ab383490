package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * The scale-out ladder (§1.6): at the first level not yet sold whose target the gain reached, sell its share of the
 * remaining position — unless the lot is under 500 000 KRW or 50 shares, where L4 becomes a 100 % "Force" exit and
 * lower levels are skipped. The walk stops at that first eligible level either way (so small lots never scale out,
 * as in Python).
 */
public final class ScaleOutRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        ExitThresholds t = c.thresholds();
        double p = c.profitPct();
        if (!t.scaleOutEnabled() || !(p > 0)) {
            return Optional.empty();
        }
        String label = ScaleOutLadder.label(c.regime());
        for (ScaleOutLadder.Level level : ScaleOutLadder.forRegime(c.regime())) {
            int n = level.level();
            if (c.scaleOutLevel() < n && p >= level.targetPct()) {
                long sellQty = Math.max(1, (long) (c.quantity() * level.sellPct() / 100.0));
                if (sellQty * c.price() < t.scaleOutMinAmount() || sellQty < t.scaleOutMinShares()) {
                    if (n == 4) {
                        return Optional.of(new ExitSignal("SCALE_OUT_L4", "Scale-out L4(Force): +" + Fmt.f1(p)
                                + "% [" + label + "]", 100.0, 4, false));
                    }
                    return Optional.empty();
                }
                return Optional.of(new ExitSignal("SCALE_OUT_L" + n, "Scale-out L" + n + ": +" + Fmt.f1(p)
                        + "% (목표 +" + Fmt.py(level.targetPct()) + "%) [" + label + "]", level.sellPct(), n, false));
            }
        }
        return Optional.empty();
    }
}
