package com.primejennie.kissim.orders;

import java.time.LocalTime;

/**
 * What a fill notice (H0STCNI0) reports: an order accepted, filled (partly), or cancelled. {@code quantity} and
 * {@code price} are this event's (the fill's) figures; {@code order} is the order's state after it.
 */
public record OrderEvent(Kind kind, OrderView order, long quantity, long price, LocalTime time) {

    public enum Kind { ACCEPTED, FILLED, CANCELLED, REJECTED }
}
