package com.primejennie.buyexecutor.consume;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one buy signal came to: {@code success} (an order was submitted; {@code orderState} says how far it got),
 * {@code skipped} (a guard said no; the reason is the spec's wording) or {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuyOutcome(String status, String reason, String stockCode, String stockName, String intentKey,
                         String orderNo, String orderState, Long quantity, Long price, Long totalAmount,
                         Boolean dryRun, Double staleMultiplier) {

    public static BuyOutcome skipped(String reason) {
        return new BuyOutcome("skipped", reason, null, null, null, null, null, null, null, null, null, null);
    }

    public static BuyOutcome error(String reason) {
        return new BuyOutcome("error", reason, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isSuccess() {
        return "success".equals(status);
    }
}
