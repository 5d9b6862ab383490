package com.primejennie.shared.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.primejennie.shared.kis.OrderSide;

/**
 * One order as the service knows it: a row of the order ledger ({@code ORDER_LEDGER[_MOCK]}), kept live in Redis.
 * Fill figures are KIS's cumulative totals read from today's orders, never inferred.
 *
 * @param tradingMode      REAL or MOCK
 * @param account          the KIS account (CANO) the order belongs to
 * @param limitDeadline    for LIMIT orders: the market time at which the unfilled rest is cancelled (null for MARKET)
 * @param orderNo          KIS's order number ("" until known)
 * @param filledQuantity   shares filled so far
 * @param filledAmount     KRW filled so far (sum of price × quantity)
 * @param averageFillPrice filledAmount / filledQuantity (0 when nothing filled)
 * @param fee              brokerage fee on the filled amount (KRW)
 * @param tax              sell tax on the filled amount (KRW, 0 for buys)
 * @param sends            how many times it was written to KIS (a sell may be sent a second time only after the
 *                         settlement window proved the first never arrived; a buy never)
 * @param cancelRequested  the unfilled rest was asked to be cancelled (limit timeout or a caller)
 * @param reason           why it was rejected, is unknown, or was cancelled ("" otherwise)
 */
public record OrderRecord(String intentKey, String tradingMode, String account, String source, String code,
                          String stockName, OrderSide side, long quantity, OrderType type, long limitPrice,
                          long referencePrice, Instant limitDeadline, String orderNo, OrderState state,
                          long filledQuantity, long filledAmount, BigDecimal averageFillPrice, long fee, long tax,
                          int sends, boolean cancelRequested, String reason, Instant createdAt, Instant updatedAt,
                          Map<String, Object> keyMetrics) {

    /** Shares not filled (and, once final, never to be). */
    public long unfilledQuantity() {
        return quantity - filledQuantity;
    }

    public boolean isFinal() {
        return state.isFinal();
    }

    /** True when {@link OrderService#submit} did not write it to KIS for a passing reason: submit again later. */
    public boolean notSent() {
        return state == OrderState.INTENDED;
    }
}
