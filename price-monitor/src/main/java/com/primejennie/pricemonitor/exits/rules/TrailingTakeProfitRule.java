package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * Trailing take-profit: armed once the high reached the activation gain; fires when the price is at or below
 * high×(1−drop%) while the gain is still at least the minimum (§1.5 #4). MACD warning: activation ×0.8; chart-phase
 * warning: activation ×0.7 and drop ×0.7.
 */
public final class TrailingTakeProfitRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        ExitThresholds t = c.thresholds();
        if (!t.trailingEnabled()) {
            return Optional.empty();
        }
        double act = t.trailingActivationPct();
        double drop = t.trailingDropPct();
        if (c.macdBearish()) {
            act *= 0.8;
        }
        if (c.chartPhaseWarning()) {
            act *= 0.7;
            drop *= 0.7;
        }
        if (c.highProfitPct() >= act) {
            double ts = c.highPrice() * (1 - drop / 100.0);
            double p = c.profitPct();
            if (c.price() <= ts && p >= t.trailingMinProfitPct()) {
                return Optional.of(ExitSignal.full("TRAILING_TP", "Trailing TP: High " + Fmt.thousands(c.highPrice())
                        + " (-" + Fmt.py(drop) + "%) → Stop " + Fmt.thousands(ts) + " (Profit: " + Fmt.f1(p) + "%)"));
            }
        }
        return Optional.empty();
    }
}
