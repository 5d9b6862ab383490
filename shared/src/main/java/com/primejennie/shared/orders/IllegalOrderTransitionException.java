package com.primejennie.shared.orders;

/** An order was asked to make a move the protocol ({@link OrderStateMachine}) does not allow. */
public class IllegalOrderTransitionException extends IllegalStateException {

    public IllegalOrderTransitionException(OrderState from, OrderStateMachine.Event event, OrderState to) {
        super("order cannot go " + from + " --" + event + "--> " + to);
    }
}
