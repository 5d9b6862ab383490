package com.primejennie.buyexecutor.order;

import java.time.Duration;

/** How a decided buy goes to the order service: market, or limit at a KRX-tick price resting {@code timeout}. */
public record OrderPlan(boolean limit, long limitPrice, Duration timeout) {

    public static final OrderPlan MARKET = new OrderPlan(false, 0, null);

    public String orderType() {
        return limit ? "limit" : "market";
    }
}
