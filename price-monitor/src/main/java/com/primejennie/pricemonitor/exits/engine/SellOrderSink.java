package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.shared.domain.SellOrder;

/** Where an exit's SellOrder goes ({@code stream:sell-orders} in production). Throws when it could not be queued. */
@FunctionalInterface
public interface SellOrderSink {

    void publish(SellOrder order);
}
