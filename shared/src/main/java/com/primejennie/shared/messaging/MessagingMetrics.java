package com.primejennie.shared.messaging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The messaging meters, so a dashboard can see a stream that stopped flowing or a group falling behind:
 * {@code jennie.messaging.published}, {@code .publish.failures}, {@code .handled}, {@code .handler.failures},
 * {@code .dead.lettered} (tag {@code reason}), {@code .claimed}, {@code .trimmed} (empty entries) and the gauges
 * {@code .pending} and {@code .lag} per stream and group.
 */
public final class MessagingMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters kept in memory only, for code and tests without a registry. */
    public static MessagingMetrics inMemory() {
        return new MessagingMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    Counter published(String stream) {
        return Counter.builder("jennie.messaging.published").tag("stream", stream)
                .description("messages written to a stream").register(registry);
    }

    Counter publishFailures(String stream) {
        return Counter.builder("jennie.messaging.publish.failures").tag("stream", stream)
                .description("publishes that failed and were reported to the caller").register(registry);
    }

    Counter handled(String stream, String group) {
        return Counter.builder("jennie.messaging.handled").tag("stream", stream).tag("group", group)
                .description("messages whose handler returned normally").register(registry);
    }

    Counter handlerFailures(String stream, String group) {
        return Counter.builder("jennie.messaging.handler.failures").tag("stream", stream).tag("group", group)
                .description("messages whose handler threw").register(registry);
    }

    Counter deadLettered(String stream, String group, String reason) {
        return Counter.builder("jennie.messaging.dead.lettered").tag("stream", stream).tag("group", group)
                .tag("reason", reason).description("messages moved to <stream>:dead").register(registry);
    }

    Counter claimed(String stream, String group) {
        return Counter.builder("jennie.messaging.claimed").tag("stream", stream).tag("group", group)
                .description("entries claimed from idle consumers").register(registry);
    }

    Counter trimmed(String stream, String group) {
        return Counter.builder("jennie.messaging.trimmed").tag("stream", stream).tag("group", group)
                .description("pending entries whose data was trimmed away (ACKed only)").register(registry);
    }

    Counter notOwned(String stream, String group) {
        return Counter.builder("jennie.messaging.not.owned").tag("stream", stream).tag("group", group)
                .description("read entries another consumer acknowledged first (not handled here)")
                .register(registry);
    }

    AtomicLong pending(String stream, String group) {
        return gauge("jennie.messaging.pending", stream, group, "entries delivered to the group but not ACKed");
    }

    AtomicLong lag(String stream, String group) {
        return gauge("jennie.messaging.lag", stream, group, "entries not yet delivered to the group");
    }

    private AtomicLong gauge(String name, String stream, String group, String description) {
        return gauges.computeIfAbsent(name + "|" + stream + "|" + group, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("stream", stream).tag("group", group)
                    .description(description).register(registry);
            return value;
        });
    }
}
