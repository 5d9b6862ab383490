package com.primejennie.shared.broker;

import com.primejennie.shared.kis.OrderSide;

/**
 * What the broker remembers of one submit, in Redis under {@code broker:intent:<intentKey>}, written before the order
 * goes to KIS so that a crash or a lost answer can be settled later by anyone.
 *
 * @param state         PENDING (being sent), ACCEPTED, REJECTED or UNKNOWN
 * @param sends         how many times the order was sent (at most 2: once, and once more only after KIS's list
 *                      proved the first never arrived)
 * @param windowStartMs epoch ms from which an order in KIS's list may belong to this intent
 * @param updatedAtMs   epoch ms of the last change
 */
public record OrderIntent(String intentKey, String code, OrderSide side, long quantity, long limitPrice, State state,
                          String orderNo, String reason, int sends, long windowStartMs, long updatedAtMs) {

    public enum State { PENDING, ACCEPTED, REJECTED, UNKNOWN }

    public OrderIntent with(State newState, String newOrderNo, String newReason, long nowMs) {
        return new OrderIntent(intentKey, code, side, quantity, limitPrice, newState, newOrderNo, newReason, sends,
                windowStartMs, nowMs);
    }

    public OrderIntent sentAgain(long nowMs) {
        return new OrderIntent(intentKey, code, side, quantity, limitPrice, State.PENDING, "", reason, sends + 1,
                windowStartMs, nowMs);
    }
}
