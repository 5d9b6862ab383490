package com.primejennie.shared.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The message on {@code stream:sell-orders} (field {@code payload}), spec/sell-path-and-broker.md §1.7: an exit the
 * price-monitor decided, or a manual Telegram sell, which has no {@code current_price} but {@code source},
 * {@code requested_by}, {@code requested_at} and {@code dry_run} (ignored by the executor).
 *
 * @param quantity       shares to sell
 * @param currentPrice   the tick price that triggered the exit; absent for manual sells
 * @param signalIssuedAt ISO-8601 UTC, see {@link WireTime}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SellOrder(
        String stockCode,
        String stockName,
        Integer quantity,
        Double currentPrice,
        String sellReason,
        String holdingId,
        String signalIssuedAt,
        String source,
        String requestedBy,
        String requestedAt,
        Boolean dryRun) {

    /** The stream the sell-executor consumes. */
    public static final String STREAM = "stream:sell-orders";

    /** The price-monitor's order. */
    public static SellOrder fromMonitor(String stockCode, String stockName, int quantity, double currentPrice,
                                        String sellReason, String signalIssuedAt) {
        return new SellOrder(stockCode, stockName, quantity, currentPrice, sellReason, stockCode, signalIssuedAt,
                null, null, null, null);
    }

    /** Whether a human asked for it: the executor lets these through an emergency stop ({@code MANUAL} in the reason). */
    @JsonIgnore
    public boolean isManual() {
        return sellReason != null && sellReason.contains("MANUAL");
    }
}
