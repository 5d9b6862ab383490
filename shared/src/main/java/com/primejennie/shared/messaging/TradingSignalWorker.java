package com.primejennie.shared.messaging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes one stream as one consumer of a consumer group and hands each message to a {@link StreamHandler}, on its
 * own thread. The worker owns everything around the handler:
 * <ul>
 * <li>the group is created at the configured start id with {@code MKSTREAM} (an existing group is kept);</li>
 * <li>on every (re)connect it first settles entries whose {@code XACK} answer the broken connection lost (judged by
 * when they were read: in doubt dead-lettered, never handled twice), then recovers this consumer's own pending
 * entries ({@code XREADGROUP … 0}), then claims entries that dead consumers left idle ({@code XAUTOCLAIM}), then reads
 * new ones ({@code >}) in batches of a fixed size (one entry on the money streams);</li>
 * <li>{@link AckMode#BEFORE_HANDLER}: {@code XACK}s run in one script call per chunk before that chunk's handlers, and
 * a message is handled only when this worker's {@code XACK} returned 1 — so a message another worker claimed and
 * acknowledged is never run twice; a chunk holds only as many messages as the handler can finish within half the
 * stop timeout (measured), so few acknowledged messages are ever waiting when the process dies;</li>
 * <li>{@link AckMode#AFTER_HANDLER}: a failing entry stays pending and is delivered again after a backoff, at most
 * {@code maxAttempts} deliveries by Redis's delivery count (crashes count), then dead-lettered;</li>
 * <li>entries with no data (trimmed away) are only acknowledged; messages older than the stream's max age (entry id
 * time vs Redis {@code TIME}), unparseable ones and those whose handler threw — an {@link Error} too — go to
 * {@code <stream>:dead}, and the loop goes on;</li>
 * <li>a broken connection is reopened with a backoff of base × attempt up to the maximum; consumers of the group
 * that are gone and own nothing are removed (checked and deleted in one script call); pending and lag are published
 * as gauges.</li>
 * </ul>
 * {@link #stop()} returns within the stop timeout; a message already acknowledged and in hand is allowed to finish
 * (the handler thread is never interrupted), acknowledged messages that could not be handled in time are
 * dead-lettered with reason "shutdown" rather than lost without a trace.
 * <p>
 * The parts live in package-private collaborators: {@link ReconnectLoop} (connection, backoff, {@link WorkerHealth}),
 * {@link PendingRecovery} (own pending entries, {@code XAUTOCLAIM}), {@link BatchDispatcher} (acknowledgement,
 * handling and retries of a batch), {@link PendingEntries} (owner and delivery count of an entry),
 * {@link DeadLetterWriter}, {@link ConsumerGroupAdmin} and {@link StopSignal}; this class
 * wires them, owns the thread and composes one connection's session.
 */
public final class TradingSignalWorker<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TradingSignalWorker.class);

    private final StreamConnections connections;
    private final String stream;
    private final String group;
    private final String consumer;
    private final StreamSettings settings;
    private final ConsumerGroupAdmin admin;
    private final io.lettuce.core.Consumer<String> self;
    private final AtomicLong pendingGauge;
    private final AtomicLong lagGauge;
    private final StopSignal stop = new StopSignal();
    private final WorkerHealth health = new WorkerHealth();
    private final BatchDispatcher<T> dispatcher;
    private final PendingRecovery recovery;
    private final ReconnectLoop loop;
    private final ReconnectLoop.Session session = new ReconnectLoop.Session() {
        @Override
        public void prepare(StatefulRedisConnection<String, String> connection) {
            ensureGroup(connection);
        }

        @Override
        public void consume(StatefulRedisConnection<String, String> connection) {
            dispatcher.resolveUncertain(connection);
            recovery.recoverOwnPending(connection);
            housekeeping(connection);
            readNewMessages(connection);
        }
    };

    private volatile CountDownLatch groupReady = new CountDownLatch(1);
    private Thread thread;

    // Loop-thread state.
    private long nextHousekeeping;

    public TradingSignalWorker(StreamConnections connections, String stream, String group, String consumer,
                               StreamCodec<T> codec, StreamHandler<T> handler, StreamSettings settings,
                               JsonMapper mapper, MessagingMetrics metrics) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.stream = requireName(stream, "stream");
        this.group = requireName(group, "group");
        this.consumer = requireName(consumer, "consumer");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.self = io.lettuce.core.Consumer.from(group, consumer);
        this.admin = new ConsumerGroupAdmin(stream, group, consumer);
        DeadLetterWriter deadLetters = new DeadLetterWriter(stream, group, consumer, settings, mapper, metrics);
        this.dispatcher = new BatchDispatcher<>(stream, group, consumer, describe(), codec, handler, settings,
                deadLetters, new ServerClock(connections.commandTimeout()), connections.commandTimeout(), stop,
                metrics);
        this.recovery = new PendingRecovery(stream, group, consumer, describe(), settings, dispatcher, stop, metrics);
        this.pendingGauge = metrics.pending(stream, group);
        this.lagGauge = metrics.lag(stream, group);
        this.loop = new ReconnectLoop(connections, settings, clientName(), describe(), stop, health);
    }

    public String stream() {
        return stream;
    }

    public String group() {
        return group;
    }

    public String consumer() {
        return consumer;
    }

    public StreamSettings settings() {
        return settings;
    }

    /**
     * Starts the loop thread and waits (at most the command timeout) until the group exists, so that a message
     * published after {@code start()} returns is seen even by a new group at {@code $}. Redis being down does not
     * fail the start: the loop keeps reconnecting and health reports it.
     */
    @Override
    public void start() {
        synchronized (this) {
            if (stop.running()) {
                return;
            }
            if (thread != null && thread.isAlive()) {
                throw new IllegalStateException("worker " + describe() + " is still finishing its previous run");
            }
            stop.start();
            health.state(WorkerState.STARTING);
            CountDownLatch ready = new CountDownLatch(1);
            groupReady = ready;
            thread = new Thread(() -> {
                try {
                    loop.run(session, ready);
                } finally {
                    dispatcher.abandonUncertain();
                }
            }, "stream-worker-" + stream + "-" + consumer);
            thread.start();
        }
        try {
            if (!groupReady.await(connections.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("{}: not connected yet ({}); the worker keeps trying in the background", describe(),
                        health.lastError());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops reading and returns within the stop timeout. The message in hand finishes; the thread is not interrupted.
     */
    @Override
    public void stop() {
        Thread loopThread;
        synchronized (this) {
            loopThread = thread;
            if (!stop.running()) {
                return;
            }
            stop.requestStop();
            health.state(WorkerState.STOPPING);
        }
        stop.signal();
        try {
            loopThread.join(settings.stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loopThread.isAlive()) {
            log.warn("{}: stop timeout {} reached while a handler is still running; it is left to finish",
                    describe(), settings.stopTimeout());
        } else {
            log.info("{}: stopped", describe());
        }
    }

    @Override
    public boolean isRunning() {
        return stop.running();
    }

    public WorkerState state() {
        return health.state();
    }

    public WorkerStatus status() {
        return health.status(stream, group, consumer, settings.unhealthyAfter());
    }

    /** Test seam: runs between reading a batch and acknowledging it (to stage a competing acknowledgement). */
    void beforeAck(Consumer<List<String>> hook) {
        dispatcher.beforeAck(hook);
    }

    /** Test seam: runs with the gone consumers about to be removed (to stage one coming back meanwhile). */
    void beforeConsumerRemoval(Consumer<List<String>> hook) {
        admin.beforeRemoval(hook);
    }

    int ackWindow() {
        return dispatcher.ackWindow();
    }

    // ------------------------------------------------------------------------------------------------ the session

    private void readNewMessages(StatefulRedisConnection<String, String> connection) {
        XReadArgs args = XReadArgs.Builder.count(settings.batchSize()).block(settings.block());
        StreamOffset<String> next = StreamOffset.lastConsumed(stream);
        while (stop.running()) {
            if (System.nanoTime() - nextHousekeeping >= 0) {
                housekeeping(connection);
            }
            List<StreamMessage<String, String>> batch = connection.sync().xreadgroup(self, args, next);
            long readAt = System.nanoTime(); // Redis started the entries' idle time just before answering
            if (batch != null && !batch.isEmpty()) {
                dispatcher.process(connection, batch, readAt, false);
            }
        }
    }

    private void ensureGroup(StatefulRedisConnection<String, String> connection) {
        if (admin.ensureGroup(connection.sync(), settings.startId())) {
            log.info("{}: created group {} on {} at {}", describe(), group, stream, settings.startId());
        }
    }

    private void housekeeping(StatefulRedisConnection<String, String> connection) {
        nextHousekeeping = System.nanoTime() + settings.housekeepingInterval().toNanos();
        recovery.claimIdleEntries(connection);
        try {
            removeGoneConsumers(connection);
            updateGauges(connection);
        } catch (RuntimeException e) {
            if (!connection.isOpen()) {
                throw e;
            }
            log.warn("{}: housekeeping failed: {}", describe(), e.toString());
        }
    }

    private void removeGoneConsumers(StatefulRedisConnection<String, String> connection) {
        for (String name : admin.removeGoneConsumers(connection.sync(), settings.consumerGoneAfter())) {
            log.info("{}: removed consumer {} (idle at least {}, owned nothing)", describe(), name,
                    settings.consumerGoneAfter());
        }
    }

    private void updateGauges(StatefulRedisConnection<String, String> connection) {
        ConsumerGroupAdmin.GroupInfo info = admin.groupInfo(connection.sync());
        if (info != null) {
            pendingGauge.set(info.pending());
            lagGauge.set(info.lag());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The connection's CLIENT name, so an operator can find a worker in {@code CLIENT LIST}. */
    String clientName() {
        return "jennie-worker:" + stream + ":" + group + ":" + consumer;
    }

    private String describe() {
        return stream + "/" + group + "/" + consumer;
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
