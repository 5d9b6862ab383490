package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/** RSI overbought partial: RSI ≥ threshold with at least the minimum gain sells 50 %, once per position (§1.5 #6). */
public final class RsiOverboughtRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        ExitThresholds t = c.thresholds();
        double p = c.profitPct();
        if (!Double.isNaN(c.rsi()) && c.rsi() >= t.rsiOverboughtThreshold() && p >= t.rsiMinProfitPct()
                && !c.rsiSold()) {
            return Optional.of(new ExitSignal("RSI_OVERBOUGHT", "RSI Overbought (" + Fmt.f1(c.rsi()) + ", Profit: "
                    + Fmt.f1(p) + "%)", 50.0, 0, true));
        }
        return Optional.empty();
    }
}
