package com.primejennie.buyscanner.gates;

import java.util.function.Predicate;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.signal.SignalCooldown;

/**
 * Gate 8: one signal per stock per {@code SIGNAL_COOLDOWN_SECONDS} while {@code buy_signal_cooldown:{code}} exists.
 * This read only saves work: the cooldown is taken atomically ({@code SET NX EX}) when a signal is created. An
 * unreadable key fails the gate.
 */
public final class SignalCooldownGate implements RiskGate {

    private final Predicate<String> keyExists;

    public SignalCooldownGate(Predicate<String> keyExists) {
        this.keyExists = keyExists;
    }

    @Override
    public String name() {
        return "Cooldown";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        try {
            boolean cooling = keyExists.test(SignalCooldown.key(ctx.code()));
            return GateResult.of(name(), !cooling, cooling, "absent");
        } catch (RuntimeException e) {
            return GateResult.of(name(), false, "unreadable: " + e.getMessage(), "absent");
        }
    }
}
