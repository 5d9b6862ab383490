package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/** Profit Lock L1: a gain of at least clamp(ATR%×1.5, 1.5, 3) fell back below +0.5 % → sell all (§1.5 #1b). */
public final class ProfitLockL1Rule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        double l1 = Math.min(3.0, Math.max(1.5, c.atrPctOrDefault() * 1.5));
        double h = c.highProfitPct();
        double p = c.profitPct();
        if (h >= l1 && p < 0.5) {
            return Optional.of(ExitSignal.full("PROFIT_LOCK_L1", "Profit Lock L1 (High " + Fmt.f1(h) + "% >= "
                    + Fmt.f1(l1) + "%, Now " + Fmt.f1(p) + "% < 0.5%)"));
        }
        return Optional.empty();
    }
}
