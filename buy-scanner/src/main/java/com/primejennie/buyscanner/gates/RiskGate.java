package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * One risk gate of spec/buy-path.md §2.5: answers "may this stock be bought now, and why (not)". A gate that cannot
 * know (Redis unreadable) fails: unknown state is a "no" for buys. The order lives in {@link RiskGateChain}.
 */
public interface RiskGate {

    /** The snapshot name (e.g. {@code "RSI Guard"}). */
    String name();

    GateResult check(EvaluationContext ctx);
}
