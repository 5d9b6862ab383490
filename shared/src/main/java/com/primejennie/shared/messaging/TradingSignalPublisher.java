package com.primejennie.shared.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micrometer.core.instrument.Counter;

/**
 * Writes messages to one stream: {@code XADD <stream> MAXLEN ~ <n> * <fields>}, returning the entry id. Every failure
 * reaches the caller as a {@link PublishException} (counted, never swallowed) and nothing is retried behind its back,
 * because a repeated {@code XADD} of a buy signal would be a second order. Thread-safe.
 */
public final class TradingSignalPublisher<T> {

    private static final Logger log = LoggerFactory.getLogger(TradingSignalPublisher.class);

    private final StreamConnections connections;
    private final String stream;
    private final StreamCodec<T> codec;
    private final XAddArgs addArgs;
    private final Counter published;
    private final Counter failures;

    public TradingSignalPublisher(StreamConnections connections, String stream, StreamCodec<T> codec,
                                  StreamSettings settings, MessagingMetrics metrics) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.addArgs = settings.maxLen() > 0 ? new XAddArgs().maxlen(settings.maxLen()).approximateTrimming()
                : new XAddArgs();
        this.published = metrics.published(stream);
        this.failures = metrics.publishFailures(stream);
    }

    public String stream() {
        return stream;
    }

    /**
     * Publishes {@code payload} and waits for its entry id.
     *
     * @throws IllegalArgumentException when the payload cannot be encoded (nothing was sent)
     * @throws PublishException         when Redis did not confirm the entry
     */
    public String publish(T payload) {
        Map<String, String> fields = encode(payload);
        StatefulRedisConnection<String, String> connection = connection();
        try {
            String id = connection.sync().xadd(stream, addArgs, fields);
            published.increment();
            return id;
        } catch (RuntimeException e) {
            throw failed(connection, e);
        }
    }

    /**
     * Publishes without waiting, for producers that pipeline (ticks); the future completes with the entry id or
     * exceptionally with a {@link PublishException}. Order is kept among the publishes of one thread.
     */
    public CompletableFuture<String> publishAsync(T payload) {
        Map<String, String> fields;
        StatefulRedisConnection<String, String> connection;
        try {
            fields = encode(payload);
            connection = connection();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return connection.async().xadd(stream, addArgs, fields).toCompletableFuture()
                .handle((id, error) -> {
                    if (error != null) {
                        throw failed(connection, unwrap(error));
                    }
                    published.increment();
                    return id;
                });
    }

    /**
     * Publishes several messages in one network write (pipelined), in order, and waits for all their ids — for
     * producers with bursts (a tick frame with many records). Nothing is sent when any payload cannot be encoded.
     *
     * @throws PublishException when Redis did not confirm every entry; the ones before the failure may be written
     */
    public List<String> publishBatch(List<? extends T> payloads) {
        List<Map<String, String>> encoded = new ArrayList<>(payloads.size());
        for (T payload : payloads) {
            encoded.add(encode(payload));
        }
        if (encoded.isEmpty()) {
            return List.of();
        }
        StatefulRedisConnection<String, String> connection;
        try {
            connection = connections.batch();
        } catch (RuntimeException e) {
            failures.increment(encoded.size());
            throw new PublishException(stream, false, "cannot publish to " + stream + ": Redis at "
                    + connections.target() + " is not reachable (" + e.getMessage() + "); nothing was written", e);
        }
        List<RedisFuture<String>> futures = new ArrayList<>(encoded.size());
        synchronized (connection) {
            RedisAsyncCommands<String, String> async = connection.async();
            for (Map<String, String> fields : encoded) {
                futures.add(async.xadd(stream, addArgs, fields));
            }
            connection.flushCommands();
        }
        List<String> ids = new ArrayList<>(futures.size());
        long timeout = connections.commandTimeout().toMillis();
        for (RedisFuture<String> future : futures) {
            try {
                ids.add(future.get(timeout, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failedBatch(connection, e, ids.size(), futures.size());
            } catch (ExecutionException | TimeoutException e) {
                throw failedBatch(connection, e, ids.size(), futures.size());
            }
        }
        published.increment(ids.size());
        return ids;
    }

    private PublishException failedBatch(StatefulRedisConnection<String, String> connection, Exception e,
                                         int confirmed, int total) {
        failures.increment(total - confirmed);
        connections.discard(connection);
        String message = "batch publish to " + stream + " failed after " + confirmed + " of " + total
                + " confirmed: " + unwrap(e).getMessage() + " (later entries may have been written; do not retry"
                + " blindly)";
        log.warn(message);
        return new PublishException(stream, true, message, unwrap(e));
    }

    private Map<String, String> encode(T payload) {
        try {
            return codec.encode(payload);
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        try {
            return connections.shared();
        } catch (RuntimeException e) {
            failures.increment();
            throw new PublishException(stream, false, "cannot publish to " + stream + ": Redis at "
                    + connections.target() + " is not reachable (" + e.getMessage() + "); nothing was written", e);
        }
    }

    private PublishException failed(StatefulRedisConnection<String, String> connection, Throwable e) {
        failures.increment();
        boolean refused = e instanceof RedisCommandExecutionException;
        boolean notSent = e instanceof RedisConnectionException;
        if (!refused) {
            connections.discard(connection);
        }
        boolean maybeWritten = !refused && !notSent;
        String message = "publish to " + stream + " at " + connections.target() + " failed: " + e.getMessage()
                + (maybeWritten ? " (the entry may have been written; do not retry blindly)" : "; nothing was written");
        log.warn(message);
        return new PublishException(stream, maybeWritten, message, e);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
