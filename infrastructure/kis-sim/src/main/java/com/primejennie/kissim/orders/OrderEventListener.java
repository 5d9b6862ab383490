package com.primejennie.kissim.orders;

/** Told about order events while the market lock is held (so only enqueue). */
public interface OrderEventListener {

    void onOrderEvent(OrderEvent event);
}
