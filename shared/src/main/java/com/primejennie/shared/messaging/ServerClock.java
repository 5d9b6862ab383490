package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Redis's clock as the worker sees it, for judging a message's age by its entry id: read with {@code TIME} (or from
 * the ACK script's reply), with the last known offset to the local clock used when the connection just broke.
 */
final class ServerClock {

    private final Duration commandTimeout;
    private long offsetMillis;

    ServerClock(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /** Server time in epoch millis, by {@code TIME} on {@code connection}. */
    long now(StatefulRedisConnection<String, String> connection) {
        return now(connection.async().time());
    }

    private long now(RedisFuture<List<String>> time) {
        try {
            List<String> parts = time.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return now(parts.get(0), parts.get(1));
        } catch (Exception e) {
            // The connection broke: judge age with the last known server clock offset.
            return System.currentTimeMillis() + offsetMillis;
        }
    }

    /** Server time in epoch millis from a {@code TIME} answer's seconds and microseconds. */
    long now(Object seconds, Object micros) {
        long now = ConsumerGroupAdmin.asLong(seconds) * 1000 + ConsumerGroupAdmin.asLong(micros) / 1000;
        offsetMillis = now - System.currentTimeMillis();
        return now;
    }
}
