package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * Max holding days (§1.5 #9): never fired in Python (no buy date reached it); here it fires when
 * {@code maxHoldingDaysEnabled} is on (default off = Python behaviour) and the position is at least
 * MAX_HOLDING_DAYS KST calendar days old.
 */
public final class MaxHoldingDaysRule implements ExitRule {

    @Override
    public Optional<ExitSignal> evaluate(ExitContext c) {
        ExitThresholds t = c.thresholds();
        if (t.maxHoldingDaysEnabled() && c.holdingDays() >= 0 && c.holdingDays() >= t.maxHoldingDays()) {
            return Optional.of(ExitSignal.full("MAX_HOLDING_DAYS", "Max Holding Days (" + c.holdingDays() + ")"));
        }
        return Optional.empty();
    }
}
