package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The worker thread's outer loop, kept apart from what it runs: opens the connection (named for {@code CLIENT LIST}),
 * runs a {@link Session} on it, and when the connection breaks or is refused closes it, records the error in
 * {@link WorkerHealth} and tries again after a backoff of base × attempt up to the maximum, until stopped.
 */
final class ReconnectLoop {

    private static final Logger log = LoggerFactory.getLogger(TradingSignalWorker.class);

    /** What the loop runs on each fresh connection. */
    interface Session {

        /** Runs right after connecting, before the worker counts as connected (creates the group). */
        void prepare(StatefulRedisConnection<String, String> connection);

        /** Consumes until stopped; throws when the connection breaks. */
        void consume(StatefulRedisConnection<String, String> connection);
    }

    private final StreamConnections connections;
    private final StreamSettings settings;
    private final String clientName;
    private final String name;
    private final StopSignal stop;
    private final WorkerHealth health;

    // Loop-thread state.
    private StatefulRedisConnection<String, String> connection;

    ReconnectLoop(StreamConnections connections, StreamSettings settings, String clientName, String name,
                  StopSignal stop, WorkerHealth health) {
        this.connections = connections;
        this.settings = settings;
        this.clientName = clientName;
        this.name = name;
        this.stop = stop;
        this.health = health;
    }

    /** Runs until stopped; counts {@code ready} down once connected and prepared (and when the loop ends). */
    void run(Session session, CountDownLatch ready) {
        int attempt = 0;
        log.info("{}: starting on {} ({} mode, batch {}, start id {}, max age {})", name,
                connections.target(), settings.ackMode(), settings.batchSize(), settings.startId(),
                settings.hasMaxAge() ? settings.maxAge() : "none");
        try {
            while (stop.running()) {
                try {
                    if (connection == null) {
                        connection = connections.connect(settings.block().plus(connections.commandTimeout()));
                        connection.sync().clientSetname(clientName);
                    }
                    session.prepare(connection);
                    if (attempt > 0) {
                        log.info("{}: reconnected to {} after {} attempt(s)", name, connections.target(), attempt);
                    }
                    attempt = 0;
                    health.connected();
                    if (stop.running()) {
                        health.state(WorkerState.RUNNING);
                    }
                    ready.countDown();
                    session.consume(connection);
                } catch (RuntimeException e) {
                    closeConnection();
                    if (!stop.running()) {
                        break;
                    }
                    attempt++;
                    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    health.reconnecting(error);
                    Duration delay = settings.reconnectDelay(attempt);
                    log.warn("{}: connection to {} lost or refused ({}); reconnect attempt {} in {}", name,
                            connections.target(), error, attempt, delay);
                    stop.sleepUnlessStopped(delay);
                }
            }
        } catch (Throwable t) {
            health.lastError("worker loop died: " + t);
            log.error("{}: the worker loop died; health is DOWN until it is started again", name, t);
            throw t;
        } finally {
            closeConnection();
            stop.finished();
            health.stopped();
            ready.countDown();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("{}: closing the connection: {}", name, e.toString());
            }
            connection = null;
        }
    }
}
