package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.StreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exits' handler on {@code kis:prices} (its own group, beside the feed): hands each tick with its stream time to
 * the {@link ExitEngine} and reports success or failure to {@link ExitPathHealth}. A failing tick is logged with the
 * stock and counted, not dead-lettered: the next tick is a newer price anyway.
 */
public final class ExitTickHandler implements StreamHandler<PriceTick> {

    private static final Logger log = LoggerFactory.getLogger(ExitTickHandler.class);

    private final ExitEngine engine;
    private final ExitPathHealth health;
    private final MarketClock clock;

    public ExitTickHandler(ExitEngine engine, ExitPathHealth health, MarketClock clock) {
        this.engine = engine;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public void onMessage(ReceivedMessage<PriceTick> message) {
        PriceTick tick = message.payload();
        try {
            engine.onTick(tick.code(), tick.price(), message.storedAt());
            health.success();
        } catch (RuntimeException e) {
            log.error("exit evaluation failed for {} at {}: {}", tick.code(), tick.price(), e.toString(), e);
            health.failure(clock.instant(), e);
        }
    }
}
