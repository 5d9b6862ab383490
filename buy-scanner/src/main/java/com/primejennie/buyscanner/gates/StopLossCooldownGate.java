package com.primejennie.buyscanner.gates;

import java.util.function.Predicate;

import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * Gate 7: a stock stopped out recently is blacklisted while {@code stoploss_cooldown:{code}} exists (written by the
 * sell side). Python read a Redis error as "not blacklisted"; here it fails the gate (unknown state, no buy).
 */
public final class StopLossCooldownGate implements RiskGate {

    public static final String KEY_PREFIX = "stoploss_cooldown:";

    private final Predicate<String> keyExists;

    public StopLossCooldownGate(Predicate<String> keyExists) {
        this.keyExists = keyExists;
    }

    @Override
    public String name() {
        return "SL Cooldown";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        try {
            boolean blacklisted = keyExists.test(KEY_PREFIX + ctx.code());
            return GateResult.of(name(), !blacklisted, blacklisted, "absent");
        } catch (RuntimeException e) {
            return GateResult.of(name(), false, "unreadable: " + e.getMessage(), "absent");
        }
    }
}
