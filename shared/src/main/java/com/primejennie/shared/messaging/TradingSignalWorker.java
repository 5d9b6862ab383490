package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.micrometer.core.instrument.Counter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes one stream as one consumer of a consumer group and hands each message to a {@link StreamHandler}, on its
 * own thread. The worker owns everything around the handler:
 * <ul>
 * <li>the group is created at the configured start id with {@code MKSTREAM} (an existing group is kept);</li>
 * <li>on every (re)connect it first recovers this consumer's own pending entries ({@code XREADGROUP … 0}), then
 * claims entries that dead consumers left idle ({@code XAUTOCLAIM}), then reads new ones ({@code >}) in batches;</li>
 * <li>{@link AckMode#BEFORE_HANDLER}: {@code XACK}s run in one script call per chunk before that chunk's handlers, and
 * a message is handled only when this worker's {@code XACK} returned 1 — so a message another worker claimed and
 * acknowledged is never run twice; a chunk holds only as many messages as the handler can finish within half the
 * stop timeout (measured), so few acknowledged messages are ever waiting when the process dies;</li>
 * <li>entries with no data (trimmed away) are only acknowledged; messages older than the stream's max age (entry id
 * time vs Redis {@code TIME}), unparseable ones and those whose handler threw go to {@code <stream>:dead};</li>
 * <li>a broken connection is reopened with a backoff of base × attempt up to the maximum; consumers of the group
 * that are gone and own nothing are removed; pending and lag are published as gauges.</li>
 * </ul>
 * {@link #stop()} returns within the stop timeout; a message already acknowledged and in hand is allowed to finish
 * (the handler thread is never interrupted), acknowledged messages that could not be handled in time are
 * dead-lettered with reason "shutdown" rather than lost without a trace.
 */
public final class TradingSignalWorker<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TradingSignalWorker.class);
    private static final int MAX_CLAIM_ROUNDS = 10;
    /** KEYS[1] stream, ARGV[1] group, ARGV[2..] ids: returns {time seconds, time micros, XACK answer per id}. */
    private static final String ACK_BATCH = """
            local t = redis.call('TIME')
            local r = {t[1], t[2]}
            for i = 2, #ARGV do r[i + 1] = redis.call('XACK', KEYS[1], ARGV[1], ARGV[i]) end
            return r""";

    private final StreamConnections connections;
    private final String stream;
    private final String group;
    private final String consumer;
    private final StreamCodec<T> codec;
    private final StreamHandler<T> handler;
    private final StreamSettings settings;
    private final DeadLetterWriter deadLetters;
    private final ConsumerGroupAdmin admin;
    private final io.lettuce.core.Consumer<String> self;
    private final Counter handled;
    private final Counter handlerFailures;
    private final Counter claimed;
    private final Counter trimmed;
    private final Counter notOwned;
    private final AtomicLong pendingGauge;
    private final AtomicLong lagGauge;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    private volatile WorkerState state = WorkerState.NEW;
    private volatile long reconnectingSince;
    private volatile long stopRequestedAt;
    private volatile String lastError;
    private volatile CountDownLatch groupReady = new CountDownLatch(1);
    private Thread thread;

    // Loop-thread state.
    private StatefulRedisConnection<String, String> connection;
    private long nextHousekeeping;
    private long serverClockOffsetMillis;
    private double handlerNanos = -1;
    private final Map<String, Uncertain> uncertain = new HashMap<>();
    private Consumer<List<String>> beforeAck = ids -> { };

    public TradingSignalWorker(StreamConnections connections, String stream, String group, String consumer,
                               StreamCodec<T> codec, StreamHandler<T> handler, StreamSettings settings,
                               JsonMapper mapper, MessagingMetrics metrics) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.stream = requireName(stream, "stream");
        this.group = requireName(group, "group");
        this.consumer = requireName(consumer, "consumer");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.self = io.lettuce.core.Consumer.from(group, consumer);
        this.admin = new ConsumerGroupAdmin(stream, group, consumer);
        this.deadLetters = new DeadLetterWriter(stream, group, consumer, settings, mapper, metrics);
        this.handled = metrics.handled(stream, group);
        this.handlerFailures = metrics.handlerFailures(stream, group);
        this.claimed = metrics.claimed(stream, group);
        this.trimmed = metrics.trimmed(stream, group);
        this.notOwned = metrics.notOwned(stream, group);
        this.pendingGauge = metrics.pending(stream, group);
        this.lagGauge = metrics.lag(stream, group);
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
            if (running) {
                return;
            }
            if (thread != null && thread.isAlive()) {
                throw new IllegalStateException("worker " + describe() + " is still finishing its previous run");
            }
            running = true;
            state = WorkerState.STARTING;
            groupReady = new CountDownLatch(1);
            thread = new Thread(this::run, "stream-worker-" + stream + "-" + consumer);
            thread.start();
        }
        try {
            if (!groupReady.await(connections.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("{}: not connected yet ({}); the worker keeps trying in the background", describe(),
                        lastError);
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
        Thread loop;
        synchronized (this) {
            loop = thread;
            if (!running) {
                return;
            }
            stopRequestedAt = System.nanoTime();
            running = false;
            state = WorkerState.STOPPING;
        }
        signal();
        try {
            loop.join(settings.stopTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loop.isAlive()) {
            log.warn("{}: stop timeout {} reached while a handler is still running; it is left to finish",
                    describe(), settings.stopTimeout());
        } else {
            log.info("{}: stopped", describe());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public WorkerState state() {
        return state;
    }

    public WorkerStatus status() {
        long since = reconnectingSince;
        Duration reconnecting = state == WorkerState.RECONNECTING && since != 0
                ? Duration.ofNanos(System.nanoTime() - since) : Duration.ZERO;
        return new WorkerStatus(stream, group, consumer, state, reconnecting, settings.unhealthyAfter(), lastError);
    }

    /** Test seam: runs between reading a batch and acknowledging it (to stage a competing acknowledgement). */
    void beforeAck(Consumer<List<String>> hook) {
        this.beforeAck = Objects.requireNonNull(hook);
    }

    // ------------------------------------------------------------------------------------------------ the loop

    private void run() {
        int attempt = 0;
        log.info("{}: starting on {} ({} mode, batch {}, start id {}, max age {})", describe(),
                connections.target(), settings.ackMode(), settings.batchSize(), settings.startId(),
                settings.hasMaxAge() ? settings.maxAge() : "none");
        try {
            while (running) {
                try {
                    if (connection == null) {
                        connection = connections.connect(settings.block().plus(connections.commandTimeout()));
                        connection.sync().clientSetname(clientName());
                    }
                    ensureGroup();
                    if (attempt > 0) {
                        log.info("{}: reconnected to {} after {} attempt(s)", describe(), connections.target(),
                                attempt);
                    }
                    attempt = 0;
                    reconnectingSince = 0;
                    lastError = null;
                    if (running) {
                        state = WorkerState.RUNNING;
                    }
                    groupReady.countDown();
                    Set<String> recovered = recoverOwnPending();
                    resolveUncertain(recovered);
                    housekeeping();
                    readNewMessages();
                } catch (RuntimeException e) {
                    closeConnection();
                    if (!running) {
                        break;
                    }
                    attempt++;
                    if (reconnectingSince == 0) {
                        reconnectingSince = System.nanoTime();
                    }
                    state = WorkerState.RECONNECTING;
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    Duration delay = settings.reconnectDelay(attempt);
                    log.warn("{}: connection to {} lost or refused ({}); reconnect attempt {} in {}", describe(),
                            connections.target(), lastError, attempt, delay);
                    sleepUnlessStopped(delay);
                }
            }
        } catch (Throwable t) {
            lastError = "worker loop died: " + t;
            log.error("{}: the worker loop died; health is DOWN until it is started again", describe(), t);
            throw t;
        } finally {
            closeConnection();
            running = false;
            state = WorkerState.STOPPED;
            groupReady.countDown();
        }
    }

    private void readNewMessages() {
        XReadArgs args = XReadArgs.Builder.count(settings.batchSize()).block(settings.block());
        StreamOffset<String> next = StreamOffset.lastConsumed(stream);
        while (running) {
            if (System.nanoTime() - nextHousekeeping >= 0) {
                housekeeping();
            }
            List<StreamMessage<String, String>> batch = commands().xreadgroup(self, args, next);
            if (batch != null && !batch.isEmpty()) {
                process(batch);
            }
        }
    }

    private void ensureGroup() {
        if (admin.ensureGroup(commands(), settings.startId())) {
            log.info("{}: created group {} on {} at {}", describe(), group, stream, settings.startId());
        }
    }

    /** Handles this consumer's own pending entries (left by a crash or a lost reply); returns their ids. */
    private Set<String> recoverOwnPending() {
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int total = 0;
        while (running) {
            List<StreamMessage<String, String>> entries = commands().xreadgroup(self,
                    XReadArgs.Builder.count(settings.batchSize()), StreamOffset.from(stream, cursor));
            if (entries == null || entries.isEmpty()) {
                break;
            }
            cursor = entries.get(entries.size() - 1).getId();
            for (StreamMessage<String, String> entry : entries) {
                seen.add(entry.getId());
            }
            total += entries.size();
            process(entries);
        }
        if (total > 0) {
            log.info("{}: recovered {} own pending entr{}", describe(), total, total == 1 ? "y" : "ies");
        }
        return seen;
    }

    /**
     * Entries whose XACK answer was lost with the connection. Those still pending were just handled by recovery;
     * the others were acknowledged — by this worker, unless the claim idle time passed since they were delivered
     * (then another worker may have claimed them). Ours are handled now; the doubtful ones are dead-lettered.
     */
    private void resolveUncertain(Set<String> recovered) {
        if (uncertain.isEmpty()) {
            return;
        }
        List<Uncertain> doubtful = new ArrayList<>(uncertain.values());
        doubtful.sort((a, b) -> compareIds(a.entry().getId(), b.entry().getId()));
        uncertain.clear();
        long serverNow = serverNow();
        for (Uncertain u : doubtful) {
            if (recovered.contains(u.entry().getId())) {
                continue;
            }
            if (System.nanoTime() - u.deliveredAt() < settings.claimIdle().toNanos()) {
                deliver(u.entry(), serverNow);
            } else {
                deadLetters.write(connection, u.entry().getId(), u.entry().getBody(), "ack-outcome-unknown",
                        "the connection broke while acknowledging and another worker may have claimed it");
            }
        }
    }

    private void housekeeping() {
        nextHousekeeping = System.nanoTime() + settings.housekeepingInterval().toNanos();
        claimIdleEntries();
        try {
            removeGoneConsumers();
            updateGauges();
        } catch (RuntimeException e) {
            if (connection == null || !connection.isOpen()) {
                throw e;
            }
            log.warn("{}: housekeeping failed: {}", describe(), e.toString());
        }
    }

    private void claimIdleEntries() {
        String cursor = "0-0";
        for (int round = 0; round < MAX_CLAIM_ROUNDS && running; round++) {
            ClaimedMessages<String, String> result = commands().xautoclaim(stream, new XAutoClaimArgs<String>()
                    .consumer(self).minIdleTime(settings.claimIdle()).startId(cursor).count(settings.batchSize()));
            List<StreamMessage<String, String>> entries = result.getMessages();
            if (!entries.isEmpty()) {
                claimed.increment(entries.size());
                log.info("{}: claimed {} entr{} idle longer than {} from other consumers", describe(),
                        entries.size(), entries.size() == 1 ? "y" : "ies", settings.claimIdle());
                process(entries);
            }
            cursor = result.getId();
            if (cursor == null || "0-0".equals(cursor)) {
                break;
            }
        }
    }

    private void removeGoneConsumers() {
        for (String name : admin.removeGoneConsumers(commands(), settings.consumerGoneAfter())) {
            log.info("{}: removed consumer {} (idle at least {}, owned nothing)", describe(), name,
                    settings.consumerGoneAfter());
        }
    }

    private void updateGauges() {
        ConsumerGroupAdmin.GroupInfo info = admin.groupInfo(commands());
        if (info != null) {
            pendingGauge.set(info.pending());
            lagGauge.set(info.lag());
        }
    }

    // ------------------------------------------------------------------------------------------------ a batch

    private void process(List<StreamMessage<String, String>> entries) {
        if (settings.ackMode() == AckMode.BEFORE_HANDLER) {
            processAckFirst(entries);
        } else {
            processAckAfter(entries);
        }
    }

    /**
     * Acknowledges and handles the batch chunk by chunk. A chunk is as large as the handler can finish within half
     * the stop timeout (measured, one message until the first measurement), so a slow money-moving handler never has
     * more than a few acknowledged messages ahead of it while a fast one gets the whole batch in one round trip.
     * Entries of later chunks stay pending for this consumer until their turn (and are recovered after a crash).
     */
    private void processAckFirst(List<StreamMessage<String, String>> entries) {
        int from = 0;
        while (from < entries.size() && running) {
            int to = Math.min(entries.size(), from + ackWindow());
            ackAndDeliver(entries.subList(from, to));
            from = to;
        }
    }

    int ackWindow() {
        if (handlerNanos < 0) {
            return 1;
        }
        long budget = settings.stopTimeout().toNanos() / 2;
        long window = budget / Math.max(1L, (long) handlerNanos);
        return (int) Math.max(1, Math.min(settings.batchSize(), window));
    }

    private void ackAndDeliver(List<StreamMessage<String, String>> entries) {
        beforeAck.accept(entries.stream().map(StreamMessage::getId).toList());
        long deliveredAt = System.nanoTime();
        String[] args = new String[entries.size() + 1];
        args[0] = group;
        for (int i = 0; i < entries.size(); i++) {
            args[i + 1] = entries.get(i).getId();
        }
        // One round trip for the chunk: XACK of each id (its own answer) plus the server clock.
        List<Object> reply;
        try {
            reply = commands().eval(ACK_BATCH, ScriptOutputType.MULTI, new String[] {stream}, args);
        } catch (RedisCommandExecutionException refused) {
            throw refused;
        } catch (RuntimeException broken) {
            for (StreamMessage<String, String> entry : entries) {
                uncertain.put(entry.getId(), new Uncertain(entry, deliveredAt));
            }
            throw broken;
        }
        long serverNow = serverNow(reply.get(0), reply.get(1));
        long drainDeadline = Long.MAX_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            StreamMessage<String, String> entry = entries.get(i);
            if (ConsumerGroupAdmin.asLong(reply.get(i + 2)) != 1) {
                notOwned.increment();
                log.debug("{}: {} was acknowledged by another consumer first; not handled here", describe(),
                        entry.getId());
                continue;
            }
            if (!running) {
                drainDeadline = Math.min(drainDeadline, drainDeadline());
                if (System.nanoTime() - drainDeadline >= 0) {
                    deadLetters.write(connection, entry.getId(), entry.getBody(), "shutdown",
                            "acknowledged but not handled before the stop timeout");
                    continue;
                }
            }
            deliver(entry, serverNow);
        }
    }

    private void processAckAfter(List<StreamMessage<String, String>> entries) {
        long serverNow = settings.hasMaxAge() ? serverNow() : 0;
        for (StreamMessage<String, String> entry : entries) {
            if (!running) {
                return; // not acknowledged: stays pending and is recovered on the next start
            }
            if (deliver(entry, serverNow)) {
                commands().xack(stream, group, entry.getId());
            }
        }
    }

    /** Runs one acknowledged (or to-be-acknowledged) entry; returns whether it is settled (handled or kept). */
    private boolean deliver(StreamMessage<String, String> entry, long serverNow) {
        Map<String, String> body = entry.getBody();
        if (body == null || body.isEmpty()) {
            trimmed.increment();
            log.warn("{}: {} has no data (trimmed from the stream); acknowledged only", describe(), entry.getId());
            return true;
        }
        if (settings.hasMaxAge()) {
            long age = serverNow - StreamIds.millis(entry.getId());
            if (age > settings.maxAge().toMillis()) {
                return deadLetters.write(connection, entry.getId(), body, "stale",
                        "age " + age + " ms exceeds the max age of " + settings.maxAge().toMillis() + " ms");
            }
        }
        T payload;
        try {
            payload = codec.decode(body);
        } catch (UnparseableMessageException | RuntimeException e) {
            return deadLetters.write(connection, entry.getId(), body, "unparseable", e.getMessage());
        }
        long started = System.nanoTime();
        try {
            handler.onMessage(new ReceivedMessage<>(stream, entry.getId(), payload, body));
            handled.increment();
            return true;
        } catch (Exception e) {
            handlerFailures.increment();
            log.error("{}: handler failed on {}", describe(), entry.getId(), e);
            return deadLetters.write(connection, entry.getId(), body, "handler-failed", e.toString());
        } finally {
            long took = System.nanoTime() - started;
            handlerNanos = handlerNanos < 0 ? took : 0.8 * handlerNanos + 0.2 * took;
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private RedisCommands<String, String> commands() {
        return connection.sync();
    }

    private long serverNow() {
        return serverNow(connection.async().time());
    }

    private long serverNow(RedisFuture<List<String>> time) {
        try {
            List<String> parts = time.get(connections.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return serverNow(parts.get(0), parts.get(1));
        } catch (Exception e) {
            // The connection broke: judge age with the last known server clock offset.
            return System.currentTimeMillis() + serverClockOffsetMillis;
        }
    }

    private long serverNow(Object seconds, Object micros) {
        long now = ConsumerGroupAdmin.asLong(seconds) * 1000 + ConsumerGroupAdmin.asLong(micros) / 1000;
        serverClockOffsetMillis = now - System.currentTimeMillis();
        return now;
    }

    private long drainDeadline() {
        long budget = settings.stopTimeout().toNanos() * 4 / 5;
        return stopRequestedAt + budget;
    }

    private void sleepUnlessStopped(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        lock.lock();
        try {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wake.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("{}: closing the connection: {}", describe(), e.toString());
            }
            connection = null;
        }
    }

    /** The connection's CLIENT name, so an operator can find a worker in {@code CLIENT LIST}. */
    String clientName() {
        return "jennie-worker:" + stream + ":" + group + ":" + consumer;
    }

    private String describe() {
        return stream + "/" + group + "/" + consumer;
    }

    private static int compareIds(String a, String b) {
        int byTime = Long.compare(StreamIds.millis(a), StreamIds.millis(b));
        if (byTime != 0) {
            return byTime;
        }
        return Long.compare(Long.parseLong(a.substring(a.indexOf('-') + 1)),
                Long.parseLong(b.substring(b.indexOf('-') + 1)));
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    private record Uncertain(StreamMessage<String, String> entry, long deliveredAt) {
    }
}
