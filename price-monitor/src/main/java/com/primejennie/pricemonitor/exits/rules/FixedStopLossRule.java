package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * Fixed stop loss: profit ≤ SELL_STOP_LOSS_PCT (negated if positive; × the macro multiplier only when it is above
 * 1), unless {@link GapDownSafety} holds it, in which case the later rules still run (§1.5 #3).
 */
public final class FixedStopLossRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        double sl = -Math.abs(c.thresholds().stopLossPct());
        if (c.macroStopMult() > 1.0) {
            sl *= c.macroStopMult();
        }
        double p = c.profitPct();
        if (p <= sl && GapDownSafety.isSafe(c.now(), p, c.thresholds())) {
            return Optional.of(ExitSignal.full("STOP_LOSS", "Fixed Stop Loss: " + Fmt.f2(p) + "% (Limit: "
                    + Fmt.py(sl) + "%)"));
        }
        return Optional.empty();
    }
}
