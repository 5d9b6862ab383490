package com.primejennie.pricemonitor.exits.rules;

import java.util.List;
import java.util.Optional;

/**
 * The exit rules in their one order (spec §1.5, §6.7): the first rule that fires wins. Profit Lock comes before the
 * stops, the ATR stop before the fixed stop; this list is the only place that order is written.
 */
public final class ExitChain {

    private final List<ExitRule> rules;

    public ExitChain(List<ExitRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The Python order. */
    public static ExitChain standard() {
        return new ExitChain(List.of(
                new ProfitLockL2Rule(),
                new ProfitLockL1Rule(),
                new AtrStopRule(),
                new FixedStopLossRule(),
                new TrailingTakeProfitRule(),
                new ScaleOutRule(),
                new RsiOverboughtRule(),
                new FixedTargetRule(),
                new DeathCrossRule(),
                new MaxHoldingDaysRule()));
    }

    public List<ExitRule> rules() {
        return rules;
    }

    /** The first signal, or empty. */
    public Optional<ExitSignal> evaluate(ExitContext context) {
        for (ExitRule rule : rules) {
            Optional<ExitSignal> s = rule.evaluate(context);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }
}
