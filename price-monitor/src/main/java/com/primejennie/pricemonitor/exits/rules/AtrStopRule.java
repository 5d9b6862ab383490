package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * ATR stop anchored to the buy price (it does not trail): price strictly below buy − mult×ATR, where mult is
 * ATR_MULTIPLIER × the macro multiplier (always applied, even below 1) × 0.75 on a MACD bearish divergence × 0.8 on a
 * chart-phase warning (§1.5 #2). Skipped without an ATR.
 */
public final class AtrStopRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        if (!(c.atr() > 0)) {
            return Optional.empty();
        }
        double mult = c.thresholds().atrMultiplier() * c.macroStopMult();
        if (c.macdBearish()) {
            mult *= 0.75;
        }
        if (c.chartPhaseWarning()) {
            mult *= 0.8;
        }
        double stop = c.buyPrice() - mult * c.atr();
        if (c.price() < stop) {
            return Optional.of(ExitSignal.full("ATR_STOP", "ATR Stop (Price " + Fmt.thousands(c.price()) + " < "
                    + Fmt.thousands(stop) + ")"));
        }
        return Optional.empty();
    }
}
