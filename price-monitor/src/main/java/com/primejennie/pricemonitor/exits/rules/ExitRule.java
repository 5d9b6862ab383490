package com.primejennie.pricemonitor.exits.rules;

import java.util.Optional;

/**
 * One exit rule of spec §1.5, named after the rule. A rule only decides; the engine applies state changes
 * (ladder level, RSI flag) after the signal was published, so a rule is a pure function of its context.
 */
public interface ExitRule {

    /** The signal this rule fires for {@code context}, or empty. */
    Optional<ExitSignal> evaluate(ExitContext context);
}
