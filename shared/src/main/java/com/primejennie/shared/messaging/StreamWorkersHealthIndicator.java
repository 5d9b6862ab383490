package com.primejennie.shared.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Makes a dead consumer loop visible: DOWN when a worker stopped (or never started) or has been reconnecting longer
 * than its threshold; UP otherwise, with every worker's state in the details.
 */
public final class StreamWorkersHealthIndicator implements HealthIndicator {

    private final StreamMessaging messaging;

    public StreamWorkersHealthIndicator(StreamMessaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (TradingSignalWorker<?> worker : messaging.workers()) {
            WorkerStatus s = worker.status();
            up &= s.healthy();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("state", s.state().name());
            d.put("group", s.group());
            d.put("consumer", s.consumer());
            if (!s.reconnectingFor().isZero()) {
                d.put("reconnectingFor", s.reconnectingFor().toString());
            }
            if (s.lastError() != null) {
                d.put("lastError", s.lastError());
            }
            details.put(s.stream() + "/" + s.group() + "/" + s.consumer(), d);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
