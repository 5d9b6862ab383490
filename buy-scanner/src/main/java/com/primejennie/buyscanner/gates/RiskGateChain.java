package com.primejennie.buyscanner.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * The risk gates in their order (spec/buy-path.md §2.5), in one place, with which of them the conviction entry may
 * skip. Python ran WATCHLIST_CONVICTION_ENTRY before every gate, skipping the cooldown, the stop-loss blacklist and
 * the macro risk-off gate; here it runs after the gates that protect money (no-trade window, danger zone, RSI
 * guard, macro risk, stop-loss blacklist, cooldown, micro-timing — and stop/pause, checked before any evaluation)
 * and may skip only the bar-count, regime and volume/VWAP gates, whose job its own conditions do. The operator's
 * {@code MIN_LLM_SCORE} floor (not in the Python chain, whose value nothing read) comes last and may not be skipped.
 */
public final class RiskGateChain {

    /** One gate and whether the conviction entry may proceed when only gates like it failed. */
    public record Slot(RiskGate gate, boolean convictionMaySkip) {
    }

    /** The outcome: every check made, whether all passed, and whether only conviction-skippable gates failed. */
    public record Outcome(List<GateCheck> checks, boolean passed, boolean convictionMayRun, String failedGate) {
    }

    private final List<Slot> slots;

    public RiskGateChain(List<Slot> slots) {
        this.slots = List.copyOf(slots);
    }

    /** The spec's order. */
    public static RiskGateChain standard(Predicate<String> redisKeyExists) {
        return new RiskGateChain(List.of(
                new Slot(new MinBarsGate(), true),
                new Slot(new NoTradeWindowGate(), false),
                new Slot(new DangerZoneGate(), false),
                new Slot(new RsiGuardGate(), false),
                new Slot(new MacroRiskGate(), false),
                new Slot(new RegimeGate(), true),
                new Slot(new CombinedRiskGate(), true),
                new Slot(new StopLossCooldownGate(redisKeyExists), false),
                new Slot(new SignalCooldownGate(redisKeyExists), false),
                new Slot(new MicroTimingGate(), false),
                new Slot(new MinLlmScoreGate(), false)));
    }

    public List<Slot> slots() {
        return slots;
    }

    /**
     * Runs the gates in order. It stops at the first failure of a gate the conviction entry may not skip; a failure
     * of a skippable gate is recorded and the rest still run, so the caller knows whether conviction may run.
     */
    public Outcome run(EvaluationContext ctx) {
        List<GateCheck> checks = new ArrayList<>();
        String firstFailure = null;
        for (Slot slot : slots) {
            GateResult result = slot.gate().check(ctx);
            checks.addAll(result.checks());
            if (!result.passed()) {
                if (firstFailure == null) {
                    firstFailure = slot.gate().name();
                }
                if (!slot.convictionMaySkip()) {
                    return new Outcome(checks, false, false, firstFailure);
                }
            }
        }
        return new Outcome(checks, firstFailure == null, true, firstFailure);
    }
}
