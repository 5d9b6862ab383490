package com.primejennie.buyscanner.strategies;

/**
 * One line of the snapshot's {@code signal_checks} (spec §2.9) and, when {@code triggered}, the signal it raises.
 *
 * @param signalType the signal's type; usually the strategy id, {@code GOLDEN_CROSS_SUPER_PRIME} for the upgrade
 */
public record StrategyCheck(String strategy, boolean triggered, String reason, String signalType) {

    public static StrategyCheck hit(String strategy, String reason) {
        return new StrategyCheck(strategy, true, reason, strategy);
    }

    public static StrategyCheck miss(String strategy, String reason) {
        return new StrategyCheck(strategy, false, reason, null);
    }
}
