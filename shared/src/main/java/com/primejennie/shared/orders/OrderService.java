package com.primejennie.shared.orders;

import java.time.Duration;
import java.util.Optional;

/**
 * The one owner of an order's life, from intent to last fill: the only thing executors, the bot and the dashboard
 * call to trade. It sends each intent at most once (a sell may go a second time only after today's orders proved the
 * first never arrived), settles lost answers from KIS's list of today's orders, reads fills (never infers them),
 * writes the order ledger, TRADELOG and ACTIVE_PORTFOLIO from those fills, halts buys of a stock whose order is
 * UNKNOWN, and never blocks an exit.
 *
 * <p>Outcome of {@link #submit} by state: {@code DRY_RUN} simulated; {@code REJECTED} nothing placed (see reason);
 * {@code INTENDED} not sent for a passing reason (rate budget, breaker, token, Redis, connection refused) — submit the
 * same ticket again later; {@code UNKNOWN} may exist at KIS, the background settler keeps settling it and buys of the
 * stock are halted; {@code ACCEPTED}, {@code PARTIALLY_FILLED}, {@code FILLED}, {@code CANCELLED} at KIS, fills are
 * settled in the background (or wait with {@link #awaitFinal}).
 */
public interface OrderService {

    /**
     * Submits {@code ticket}. The same intent key always names the same order: a second call never sends, it returns
     * the order (or settles it when the caller may take over an abandoned one). A sell whose {@link SellKey} already
     * has a sell in flight returns that sell's record (a different intent key) and sends nothing.
     *
     * @throws IllegalArgumentException when the intent key already names a different order
     */
    OrderRecord submit(OrderTicket ticket);

    /** The order under {@code intentKey}, if the service knows it. */
    Optional<OrderRecord> find(String intentKey);

    /**
     * Settles {@code intentKey} (fills, limit timeout, unknown answer) until it is final or {@code maxWait} (real time)
     * has passed; returns the order as it then stands.
     */
    OrderRecord awaitFinal(String intentKey, Duration maxWait);

    /**
     * Asks KIS to cancel the unfilled rest of {@code intentKey}; fills that arrive after are still recorded. Returns
     * the order as it then stands (cancelRequested set when the cancel was sent).
     */
    OrderRecord cancel(String intentKey);

    /**
     * Claims the one Telegram fill message of {@code intentKey} for the caller, the handler that placed the order;
     * true exactly once per order across all processes. A handler sends its fill message only when this returns
     * true: false means the background settler completed the order after the handler stopped watching it (no
     * {@link #submit} or {@link #awaitFinal} for a while) and has sent the message itself. True too when nothing can
     * tell (an order the book does not hold, Redis unreachable): a message twice beats none.
     */
    boolean claimFillNotice(String intentKey);

    /**
     * The net profit of record of the sell {@code intentKey} as the ledger wrote it (TRADELOG, after fees and tax),
     * for its fill message; empty while no fill is recorded, without a cost basis of ours, or when the database does
     * not answer. Never computed from the order record: only the ledger knows the average cost it sold against.
     */
    Optional<NetProfit> netProfit(String intentKey);

    /** Buy orders in flight and their amounts. */
    OpenExposure openExposure();

    /** The sell in flight for {@code key}, if one is not final yet. */
    Optional<OrderRecord> sellInFlight(SellKey key);

    /** Compares the broker's holdings with ACTIVE_PORTFOLIO now and records the result (see {@link #safety()}). */
    Reconciliation reconcile();

    /**
     * Makes the broker's holding of {@code code} ours (ACTIVE_PORTFOLIO quantity and average price := the broker's)
     * and clears the reconciliation mismatch on it. Run by buy-executor; the bot and the dashboard ask for it.
     */
    AdoptResult adopt(String code, String operator);

    /** Lifts the halt on {@code code} after an operator has checked it at KIS. */
    void clearHalt(String code, String operator);

    /** The read-only view of halts and reconciliation this service writes. */
    OrderSafetyView safety();
}
