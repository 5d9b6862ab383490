package com.primejennie.shared.orders;

/**
 * Where an order stands, from the intent to its last fill. Which state may follow which is decided in one place,
 * {@link OrderStateMachine}; nothing else changes an order's state.
 */
public enum OrderState {
    /** Recorded under its intent key; not (yet) written to KIS. */
    INTENDED,
    /** Being written to KIS right now by the owner of the intent's lease. */
    SENT,
    /** KIS took it (order number known); nothing filled yet. */
    ACCEPTED,
    /** Part of it has filled; the rest is working or being cancelled. */
    PARTIALLY_FILLED,
    /** All of it filled. */
    FILLED,
    /** KIS refused it (rt_cd != 0 on HTTP 2xx, or a known business code) or the service refused it; nothing placed. */
    REJECTED,
    /** Its unfilled rest was cancelled (it may still have filled in part: see the filled quantity). */
    CANCELLED,
    /** The answer was lost and today's orders have not shown it yet: it may exist. Buys of the stock are halted. */
    UNKNOWN,
    /** Dry run: recorded, never sent, no position change. */
    DRY_RUN;

    /** True when nothing can change this order any more (a cancelled order may still receive late fills). */
    public boolean isFinal() {
        return this == FILLED || this == REJECTED || this == CANCELLED || this == DRY_RUN;
    }

    /** True when the order is, or may be, at KIS with an unfilled rest: exposure counts it. */
    public boolean isOpen() {
        return this == INTENDED || this == SENT || this == ACCEPTED || this == PARTIALLY_FILLED || this == UNKNOWN;
    }
}
