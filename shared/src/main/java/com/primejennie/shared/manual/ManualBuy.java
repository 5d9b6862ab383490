package com.primejennie.shared.manual;

import java.util.Objects;

/**
 * A manual buy the operator asked for, already resolved: stock known, price read, quantity decided.
 *
 * @param currentPrice the price read for it (KRW, &gt; 0), sent as {@code current_price}
 * @param quantity     shares (&gt; 0), sent as {@code manual_quantity}
 * @param limitPrice   a limit price (KRW) for a limit order, else null for a market order; the buy-executor reads
 *                     {@code limit_price} at the top level of the message
 */
public record ManualBuy(ManualActor actor, String stockCode, String stockName, long currentPrice, int quantity,
                        Long limitPrice) {

    public ManualBuy {
        Objects.requireNonNull(actor, "actor");
        ManualSell.requireCode(stockCode);
        stockName = stockName == null || stockName.isBlank() ? stockCode : stockName;
        if (currentPrice <= 0) {
            throw new IllegalArgumentException("manual buy of " + stockCode + " needs a price > 0, got " + currentPrice);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("manual buy of " + stockCode + " needs a quantity > 0, got " + quantity);
        }
        if (limitPrice != null && limitPrice <= 0) {
            throw new IllegalArgumentException("limit price of " + stockCode + " must be > 0, got " + limitPrice);
        }
    }

    /** A market buy. */
    public static ManualBuy market(ManualActor actor, String stockCode, String stockName, long currentPrice,
                                   int quantity) {
        return new ManualBuy(actor, stockCode, stockName, currentPrice, quantity, null);
    }
}
