package com.primejennie.shared.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;

/**
 * Runs a batch of entries through the handler under the worker's {@link AckMode}, so the acknowledgement rules live
 * in one place: {@link AckMode#BEFORE_HANDLER} acknowledges chunk by chunk in one script call per chunk and handles a
 * message only when this worker's {@code XACK} returned 1; {@link AckMode#AFTER_HANDLER} acknowledges each settled
 * message after its handler. Trimmed entries are only acknowledged; stale, unparseable and failed ones are
 * dead-lettered. Entries whose acknowledgement outcome was lost with the connection are remembered and settled by
 * {@link #resolveUncertain} after the reconnect.
 */
final class BatchDispatcher<T> {

    private static final Logger log = LoggerFactory.getLogger(TradingSignalWorker.class);
    /** KEYS[1] stream, ARGV[1] group, ARGV[2..] ids: returns {time seconds, time micros, XACK answer per id}. */
    private static final String ACK_BATCH = """
            local t = redis.call('TIME')
            local r = {t[1], t[2]}
            for i = 2, #ARGV do r[i + 1] = redis.call('XACK', KEYS[1], ARGV[1], ARGV[i]) end
            return r""";

    private final String stream;
    private final String group;
    private final String name;
    private final StreamCodec<T> codec;
    private final StreamHandler<T> handler;
    private final StreamSettings settings;
    private final DeadLetterWriter deadLetters;
    private final ServerClock clock;
    private final StopSignal stop;
    private final Counter handled;
    private final Counter handlerFailures;
    private final Counter trimmed;
    private final Counter notOwned;

    // Loop-thread state.
    private double handlerNanos = -1;
    private final Map<String, Uncertain> uncertain = new HashMap<>();
    private Consumer<List<String>> beforeAck = ids -> { };

    BatchDispatcher(String stream, String group, String name, StreamCodec<T> codec, StreamHandler<T> handler,
                    StreamSettings settings, DeadLetterWriter deadLetters, ServerClock clock, StopSignal stop,
                    MessagingMetrics metrics) {
        this.stream = stream;
        this.group = group;
        this.name = name;
        this.codec = codec;
        this.handler = handler;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.stop = stop;
        this.handled = metrics.handled(stream, group);
        this.handlerFailures = metrics.handlerFailures(stream, group);
        this.trimmed = metrics.trimmed(stream, group);
        this.notOwned = metrics.notOwned(stream, group);
    }

    /** Test seam: runs between reading a batch and acknowledging it (to stage a competing acknowledgement). */
    void beforeAck(Consumer<List<String>> hook) {
        this.beforeAck = Objects.requireNonNull(hook);
    }

    void process(StatefulRedisConnection<String, String> connection, List<StreamMessage<String, String>> entries) {
        if (settings.ackMode() == AckMode.BEFORE_HANDLER) {
            processAckFirst(connection, entries);
        } else {
            processAckAfter(connection, entries);
        }
    }

    /**
     * Entries whose XACK answer was lost with the connection. Those still pending were just handled by recovery;
     * the others were acknowledged — by this worker, unless the claim idle time passed since they were delivered
     * (then another worker may have claimed them). Ours are handled now; the doubtful ones are dead-lettered.
     */
    void resolveUncertain(StatefulRedisConnection<String, String> connection, Set<String> recovered) {
        if (uncertain.isEmpty()) {
            return;
        }
        List<Uncertain> doubtful = new ArrayList<>(uncertain.values());
        doubtful.sort((a, b) -> compareIds(a.entry().getId(), b.entry().getId()));
        uncertain.clear();
        long serverNow = clock.now(connection);
        for (Uncertain u : doubtful) {
            if (recovered.contains(u.entry().getId())) {
                continue;
            }
            if (System.nanoTime() - u.deliveredAt() < settings.claimIdle().toNanos()) {
                deliver(connection, u.entry(), serverNow);
            } else {
                deadLetters.write(connection, u.entry().getId(), u.entry().getBody(), "ack-outcome-unknown",
                        "the connection broke while acknowledging and another worker may have claimed it");
            }
        }
    }

    /**
     * Acknowledges and handles the batch chunk by chunk. A chunk is as large as the handler can finish within half
     * the stop timeout (measured, one message until the first measurement), so a slow money-moving handler never has
     * more than a few acknowledged messages ahead of it while a fast one gets the whole batch in one round trip.
     * Entries of later chunks stay pending for this consumer until their turn (and are recovered after a crash).
     */
    private void processAckFirst(StatefulRedisConnection<String, String> connection,
                                 List<StreamMessage<String, String>> entries) {
        int from = 0;
        while (from < entries.size() && stop.running()) {
            int to = Math.min(entries.size(), from + ackWindow());
            ackAndDeliver(connection, entries.subList(from, to));
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

    private void ackAndDeliver(StatefulRedisConnection<String, String> connection,
                               List<StreamMessage<String, String>> entries) {
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
            reply = connection.sync().eval(ACK_BATCH, ScriptOutputType.MULTI, new String[] {stream}, args);
        } catch (RedisCommandExecutionException refused) {
            throw refused;
        } catch (RuntimeException broken) {
            for (StreamMessage<String, String> entry : entries) {
                uncertain.put(entry.getId(), new Uncertain(entry, deliveredAt));
            }
            throw broken;
        }
        long serverNow = clock.now(reply.get(0), reply.get(1));
        long drainDeadline = Long.MAX_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            StreamMessage<String, String> entry = entries.get(i);
            if (ConsumerGroupAdmin.asLong(reply.get(i + 2)) != 1) {
                notOwned.increment();
                log.debug("{}: {} was acknowledged by another consumer first; not handled here", name,
                        entry.getId());
                continue;
            }
            if (!stop.running()) {
                drainDeadline = Math.min(drainDeadline, stop.drainDeadline(settings.stopTimeout()));
                if (System.nanoTime() - drainDeadline >= 0) {
                    deadLetters.write(connection, entry.getId(), entry.getBody(), "shutdown",
                            "acknowledged but not handled before the stop timeout");
                    continue;
                }
            }
            deliver(connection, entry, serverNow);
        }
    }

    private void processAckAfter(StatefulRedisConnection<String, String> connection,
                                 List<StreamMessage<String, String>> entries) {
        long serverNow = settings.hasMaxAge() ? clock.now(connection) : 0;
        for (StreamMessage<String, String> entry : entries) {
            if (!stop.running()) {
                return; // not acknowledged: stays pending and is recovered on the next start
            }
            if (deliver(connection, entry, serverNow)) {
                connection.sync().xack(stream, group, entry.getId());
            }
        }
    }

    /** Runs one acknowledged (or to-be-acknowledged) entry; returns whether it is settled (handled or kept). */
    private boolean deliver(StatefulRedisConnection<String, String> connection, StreamMessage<String, String> entry,
                            long serverNow) {
        Map<String, String> body = entry.getBody();
        if (body == null || body.isEmpty()) {
            trimmed.increment();
            log.warn("{}: {} has no data (trimmed from the stream); acknowledged only", name, entry.getId());
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
            log.error("{}: handler failed on {}", name, entry.getId(), e);
            return deadLetters.write(connection, entry.getId(), body, "handler-failed", e.toString());
        } finally {
            long took = System.nanoTime() - started;
            handlerNanos = handlerNanos < 0 ? took : 0.8 * handlerNanos + 0.2 * took;
        }
    }

    private static int compareIds(String a, String b) {
        int byTime = Long.compare(StreamIds.millis(a), StreamIds.millis(b));
        if (byTime != 0) {
            return byTime;
        }
        return Long.compare(Long.parseLong(a.substring(a.indexOf('-') + 1)),
                Long.parseLong(b.substring(b.indexOf('-') + 1)));
    }

    private record Uncertain(StreamMessage<String, String> entry, long deliveredAt) {
    }
}
