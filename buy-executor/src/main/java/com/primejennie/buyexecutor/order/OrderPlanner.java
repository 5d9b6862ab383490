package com.primejennie.buyexecutor.order;

import com.primejennie.shared.market.TickSize;

import java.time.Duration;
import java.util.Set;

/**
 * Market or limit (spec buy-path §3.5): a manual limit price (dashboard) is a limit order at that price, rounded
 * DOWN to the KRX tick so the operator never pays more than asked; a momentum signal with
 * {@code MOMENTUM_LIMIT_ORDER_ENABLED} is a limit order at {@code alignUp(int(price × (1 + premium)))}; else market.
 * The limit's timeout is market time and the order service cancels the rest: nothing here waits.
 */
public final class OrderPlanner {

    /** Strategies placed as limit orders when enabled (VCP_BREAKOUT left the list upstream on 2026-02-18). */
    public static final Set<String> MOMENTUM_STRATEGIES = Set.of("MOMENTUM", "MOMENTUM_CONTINUATION");

    private OrderPlanner() {
    }

    public static OrderPlan plan(String signalType, double price, Long manualLimitPrice, boolean momentumLimitEnabled,
                                 double premium, int timeoutSeconds) {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        if (manualLimitPrice != null) {
            if (manualLimitPrice <= 0) {
                throw new IllegalArgumentException("limit price must be > 0, got " + manualLimitPrice);
            }
            return new OrderPlan(true, TickSize.roundDown(manualLimitPrice), timeout);
        }
        if (momentumLimitEnabled && signalType != null && MOMENTUM_STRATEGIES.contains(signalType)) {
            return new OrderPlan(true, momentumLimitPrice(price, premium), timeout);
        }
        return OrderPlan.MARKET;
    }

    /** {@code alignUp(int(price × (1 + premium)))}: truncate first, then round up to the tick. */
    public static long momentumLimitPrice(double price, double premium) {
        return TickSize.roundUp((long) (price * (1 + premium)));
    }
}
