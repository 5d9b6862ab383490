package com.primejennie.shared.feed;

import java.util.List;

/**
 * Where parsed trades go: the {@code kis:prices} stream that price-monitor's exits and buy-scanner read.
 * An implementation publishes every tick of the list in order, one stream entry each, and throws when the
 * publish failed so the feed can count and report it.
 */
public interface TickPublisher {

    void publish(List<TradeTick> ticks);
}
