package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.Objects;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

/**
 * The Redis connections of the messaging layer. Lettuce's automatic reconnect is switched off on purpose: it would
 * replay commands that were written but not answered when a connection broke, which can duplicate an {@code XADD}
 * (a second buy order). Here a broken connection fails its commands, the caller is told, and the worker reconnects
 * by itself with its own backoff. Publishers share one connection (Lettuce pipelines concurrent callers on it);
 * every worker owns a dedicated connection because {@code XREADGROUP BLOCK} holds it.
 */
public final class StreamConnections implements AutoCloseable {

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration commandTimeout;
    private final Object lock = new Object();
    private StatefulRedisConnection<String, String> shared;
    private StatefulRedisConnection<String, String> batch;

    public StreamConnections(RedisURI uri, Duration commandTimeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build())
                .build());
    }

    /** From a {@code redis://host:port/db} URL, as {@code REDIS_URL} gives it. */
    public static StreamConnections of(String redisUrl, Duration commandTimeout) {
        return new StreamConnections(RedisURI.create(redisUrl), commandTimeout);
    }

    /** A new dedicated connection whose commands time out after {@code timeout}; the caller closes it. */
    public StatefulRedisConnection<String, String> connect(Duration timeout) {
        StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
        connection.setTimeout(timeout);
        return connection;
    }

    /** The publishers' shared connection, opened again when the previous one broke. */
    StatefulRedisConnection<String, String> shared() {
        synchronized (lock) {
            if (shared == null || !shared.isOpen()) {
                if (shared != null) {
                    shared.closeAsync();
                }
                shared = connect(commandTimeout);
            }
            return shared;
        }
    }

    /**
     * The connection for batch publishes: auto-flush off, so a batch goes out in one write. Callers hold its monitor
     * from the first command to {@code flushCommands()}.
     */
    StatefulRedisConnection<String, String> batch() {
        synchronized (lock) {
            if (batch == null || !batch.isOpen()) {
                if (batch != null) {
                    batch.closeAsync();
                }
                batch = connect(commandTimeout);
                batch.setAutoFlushCommands(false);
            }
            return batch;
        }
    }

    /** Drops {@code broken} if it is the shared connection, so the next publish opens a fresh one. */
    void discard(StatefulRedisConnection<String, String> broken) {
        synchronized (lock) {
            if (broken != null && broken == shared) {
                shared = null;
                broken.closeAsync();
            }
            if (broken != null && broken == batch) {
                batch = null;
                broken.closeAsync();
            }
        }
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** host:port/db, for log lines (never the password). */
    public String target() {
        return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
            if (batch != null) {
                batch.close();
                batch = null;
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
