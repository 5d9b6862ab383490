package com.primejennie.shared.broker;

import java.util.List;
import java.util.Optional;

import com.primejennie.shared.kis.Holding;
import com.primejennie.shared.kis.OrderRequest;

/**
 * What the executors need from a broker, with money safety built in: an order is submitted under the caller's intent
 * key at most once, a lost answer is settled from KIS's list of today's orders instead of being retried blindly, and a
 * stock whose order state cannot be known is halted for everyone until an operator clears it.
 */
public interface Broker {

    /**
     * Submits {@code order} under {@code intentKey} (unique per intended order, written by the caller before calling).
     * The same key always yields the same order: a second call returns the first outcome or settles it.
     *
     * @deprecated orders go through {@link com.primejennie.shared.orders.OrderService}, which never resends a buy
     *             on a guess and records fills; this submit re-sends after one look at a lagging order list
     * @return ACCEPTED (order number), REJECTED (KIS's or the broker's reason; nothing was placed) or UNKNOWN (the order
     *         may exist; the stock is halted and the operator alerted)
     */
    @Deprecated
    SubmitResult submit(String intentKey, OrderRequest order);

    /** Cancels the unfilled rest of {@code orderNo}. */
    CancelResult cancel(String orderNo);

    /** The filled quantity and average price of {@code orderNo} so far; empty when KIS does not list it today. */
    Optional<FillStatus> fills(String orderNo);

    /** Cash available for buying now (KRW). */
    long cash();

    /** Stocks held, quantity above zero. */
    List<Holding> holdings();

    /** The halt on {@code code}, if new orders for it are stopped. */
    Optional<StockHalt> halt(String code);

    /** Lifts the halt on {@code code} after an operator has reconciled it by hand. */
    void clearHalt(String code);
}
