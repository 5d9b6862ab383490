package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/** Profit Lock L2: a gain of at least clamp(ATR%×2.5, 3, 5) fell back below +1.5 % → sell all (§1.5 #1). */
public final class ProfitLockL2Rule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        double l2 = Math.min(5.0, Math.max(3.0, c.atrPctOrDefault() * 2.5));
        double h = c.highProfitPct();
        double p = c.profitPct();
        if (h >= l2 && p < 1.5) {
            return Optional.of(ExitSignal.full("PROFIT_LOCK_L2", "Profit Lock L2 (High " + Fmt.f1(h) + "% >= "
                    + Fmt.f1(l2) + "%, Now " + Fmt.f1(p) + "% < 1.5%)"));
        }
        return Optional.empty();
    }
}
