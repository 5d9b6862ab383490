package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * message only when this worker's {@code XACK} returned 1 (one attempt); {@link AckMode#AFTER_HANDLER} acknowledges
 * each settled message after its handler and retries a failing one up to {@code maxAttempts} deliveries with
 * backoff. Trimmed entries are only acknowledged; stale, unparseable and failed ones are dead-lettered. Entries whose
 * acknowledgement outcome was lost with the connection are remembered and settled by {@link #resolveUncertain} after
 * the reconnect, judged by when they were read.
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
    private final String consumer;
    private final PendingEntries pending;
    private final Duration commandTimeout;
    private final Counter handled;
    private final Counter handlerFailures;
    private final Counter trimmed;
    private final Counter notOwned;

    // Loop-thread state.
    private double handlerNanos = -1;
    private Throwable lastFailure;
    private final Map<String, Uncertain> uncertain = new HashMap<>();
    private Consumer<List<String>> beforeAck = ids -> { };

    BatchDispatcher(String stream, String group, String consumer, String name, StreamCodec<T> codec,
                    StreamHandler<T> handler, StreamSettings settings, DeadLetterWriter deadLetters, ServerClock clock,
                    Duration commandTimeout, StopSignal stop, MessagingMetrics metrics) {
        this.consumer = consumer;
        this.pending = new PendingEntries(stream, group, consumer);
        this.commandTimeout = commandTimeout;
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

    /**
     * Runs a batch as one read returned it. {@code readAt} is the {@link System#nanoTime()} when that read
     * ({@code XREADGROUP}, {@code XAUTOCLAIM}) returned — when Redis started the entries' idle time, which is what
     * decides whether another consumer may have claimed them since. {@code redelivered}: the entries may have been
     * delivered before (own pending entries, claimed entries), so their delivery count is read from Redis.
     */
    void process(StatefulRedisConnection<String, String> connection, List<StreamMessage<String, String>> entries,
                 long readAt, boolean redelivered) {
        if (settings.ackMode() == AckMode.BEFORE_HANDLER) {
            processAckFirst(connection, entries, readAt);
        } else {
            processAckAfter(connection, entries, readAt, redelivered);
        }
    }

    /**
     * Settles the entries whose XACK answer was lost with the connection; runs first after a reconnect. An entry
     * still pending for this consumer was not acknowledged: the recovery of own pending entries that follows handles
     * it. One pending for another consumer was claimed: it is left to that consumer. One no longer pending was
     * acknowledged — by this worker, unless the claim idle time has passed since it was read, because then another
     * worker may have claimed and acknowledged it: in doubt it is dead-lettered rather than handled twice.
     */
    void resolveUncertain(StatefulRedisConnection<String, String> connection) {
        if (uncertain.isEmpty()) {
            return;
        }
        List<Uncertain> doubtful = new ArrayList<>(uncertain.values());
        doubtful.sort((a, b) -> compareIds(a.entry().getId(), b.entry().getId()));
        Map<String, PendingEntries.Owner> owners = pending.owners(connection,
                doubtful.stream().map(u -> u.entry().getId()).toList());
        long serverNow = clock.now(connection);
        for (Uncertain u : doubtful) {
            String id = u.entry().getId();
            PendingEntries.Owner owner = owners.get(id);
            if (owner != null && !owner.consumer().equals(consumer)) {
                log.info("{}: {} (acknowledgement outcome lost) was claimed by {}; left to it", name, id,
                        owner.consumer());
            } else if (owner == null) {
                if (mayHaveBeenClaimed(u.readAt())) {
                    deadLetters.write(connection, id, u.entry().getBody(), "ack-outcome-unknown",
                            "the connection broke while acknowledging, at least the claim idle time of "
                                    + settings.claimIdle() + " after the read: another worker may have handled it");
                } else {
                    deliverAcknowledged(connection, u.entry(), serverNow);
                }
            }
            uncertain.remove(id);
        }
    }

    /**
     * Runs when the loop ends: entries whose XACK answer was lost and that could not be settled before the stop. Those
     * not acknowledged stay pending (the next start handles them); those that were acknowledged would be lost without
     * a trace, so each is logged with its whole payload for the operator.
     */
    void abandonUncertain() {
        for (Uncertain u : uncertain.values()) {
            log.error("{}: stopped before the outcome of the XACK of {} was known; if it was acknowledged it was NOT "
                    + "handled (otherwise it stays pending for the next start): {}", name, u.entry().getId(),
                    u.entry().getBody());
        }
        uncertain.clear();
    }

    /**
     * Whether another consumer may have claimed an entry read at {@code readAt}: Redis started its idle time before
     * answering the read, at most one command timeout before the worker took the time, so in doubt it counts as idle
     * that much longer.
     */
    private boolean mayHaveBeenClaimed(long readAt) {
        return System.nanoTime() - readAt + commandTimeout.toNanos() >= settings.claimIdle().toNanos();
    }

    /**
     * Acknowledges and handles the batch chunk by chunk. A chunk is as large as the handler can finish within half
     * the stop timeout (measured, one message until the first measurement) and never larger than the batch size, so a
     * slow money-moving handler never has more than a few acknowledged messages ahead of it while a fast one gets the
     * whole batch in one round trip. Entries of later chunks stay pending for this consumer until their turn (and are
     * recovered after a crash).
     */
    private void processAckFirst(StatefulRedisConnection<String, String> connection,
                                 List<StreamMessage<String, String>> entries, long readAt) {
        int from = 0;
        while (from < entries.size() && stop.running()) {
            int to = Math.min(entries.size(), from + ackWindow());
            ackAndDeliver(connection, entries.subList(from, to), readAt);
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
                               List<StreamMessage<String, String>> entries, long readAt) {
        beforeAck.accept(entries.stream().map(StreamMessage::getId).toList());
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
                uncertain.put(entry.getId(), new Uncertain(entry, readAt));
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
            deliverAcknowledged(connection, entry, serverNow);
        }
    }

    /** Runs an entry this worker acknowledged: one attempt; a failure is dead-lettered at once. */
    private void deliverAcknowledged(StatefulRedisConnection<String, String> connection,
                                     StreamMessage<String, String> entry, long serverNow) {
        if (attempt(connection, entry, serverNow, true) == Result.FAILED) {
            deadLetters.write(connection, entry.getId(), entry.getBody(), "handler-failed", lastFailure.toString());
        }
    }

    /**
     * Handler first, XACK once the entry is settled. A failing entry stays pending while it is retried after
     * {@link StreamSettings#retryDelay}; each retry is a real re-delivery ({@code XCLAIM} to this consumer), so
     * Redis's delivery count — which a crash does not reset — bounds the attempts at {@code maxAttempts}.
     */
    private void processAckAfter(StatefulRedisConnection<String, String> connection,
                                 List<StreamMessage<String, String>> entries, long readAt, boolean redelivered) {
        Map<String, PendingEntries.Owner> owners = redelivered
                ? pending.owners(connection, entries.stream().map(StreamMessage::getId).toList()) : null;
        long serverNow = settings.hasMaxAge() ? clock.now(connection) : 0;
        for (StreamMessage<String, String> entry : entries) {
            if (!stop.running()) {
                return; // not acknowledged: stays pending and is recovered on the next start
            }
            // Read long ago (a slow batch): another worker may have claimed it meanwhile, so ask again.
            Map<String, PendingEntries.Owner> known = mayHaveBeenClaimed(readAt)
                    ? pending.owners(connection, List.of(entry.getId())) : owners;
            long deliveries = 1;
            if (known != null) {
                PendingEntries.Owner owner = known.get(entry.getId());
                if (owner == null || !owner.consumer().equals(consumer)) {
                    notOwned.increment();
                    log.info("{}: {} is no longer pending for this consumer ({}); not handled here", name,
                            entry.getId(), owner == null ? "acknowledged" : "claimed by " + owner.consumer());
                    continue;
                }
                deliveries = owner.deliveries();
            }
            settleAfterHandler(connection, entry, deliveries, serverNow);
        }
    }

    private void settleAfterHandler(StatefulRedisConnection<String, String> connection,
                                    StreamMessage<String, String> entry, long deliveries, long serverNow) {
        String id = entry.getId();
        int maxAttempts = settings.maxAttempts();
        StreamMessage<String, String> current = entry;
        long attempt = deliveries;
        while (true) {
            if (attempt > maxAttempts) {
                // Earlier deliveries failed or never finished (the worker died handling it): not run again.
                if (deadLetters.write(connection, id, current.getBody(), "handler-failed", "delivered " + attempt
                        + " times, max attempts " + maxAttempts + ": earlier attempts failed or did not finish")) {
                    connection.sync().xack(stream, group, id);
                }
                return;
            }
            Result result = attempt(connection, current, serverNow, attempt >= maxAttempts);
            if (result == Result.SETTLED) {
                connection.sync().xack(stream, group, id);
                return;
            }
            if (result == Result.NOT_SETTLED) {
                return; // the dead letter could not be written: stays pending
            }
            String error = "attempt " + attempt + " of " + maxAttempts + ": " + lastFailure;
            if (attempt >= maxAttempts) {
                if (deadLetters.write(connection, id, current.getBody(), "handler-failed", error)) {
                    connection.sync().xack(stream, group, id);
                }
                return;
            }
            Duration delay = settings.retryDelay(attempt);
            log.warn("{}: handler failed on {} ({}); next attempt in {}", name, id, error, delay);
            stop.sleepUnlessStopped(delay);
            if (!stop.running()) {
                return; // stays pending: the next start delivers it again, and that delivery counts
            }
            PendingEntries.Redelivery again = pending.redeliver(connection, id);
            if (again == null) {
                notOwned.increment();
                log.info("{}: {} is no longer pending for this consumer; not retried here", name, id);
                return;
            }
            if (again.entry() == null) {
                if (deadLetters.write(connection, id, current.getBody(), "handler-failed",
                        error + "; deleted from the stream before the next attempt")) {
                    connection.sync().xack(stream, group, id);
                }
                return;
            }
            current = again.entry();
            attempt = again.deliveries();
            serverNow = settings.hasMaxAge() ? clock.now(connection) : 0;
        }
    }

    /**
     * One attempt at an entry: trimmed entries (no data) and stale or unparseable ones are settled without the
     * handler; a handler that throws anything — an {@link Error} as well as an {@link Exception} — is a failed
     * attempt ({@link #lastFailure}), never the end of the worker loop.
     */
    private Result attempt(StatefulRedisConnection<String, String> connection, StreamMessage<String, String> entry,
                           long serverNow, boolean last) {
        Map<String, String> body = entry.getBody();
        if (body == null || body.isEmpty()) {
            trimmed.increment();
            log.warn("{}: {} has no data (trimmed from the stream); acknowledged only", name, entry.getId());
            return Result.SETTLED;
        }
        if (settings.hasMaxAge()) {
            long age = serverNow - StreamIds.millis(entry.getId());
            if (age > settings.maxAge().toMillis()) {
                return settled(deadLetters.write(connection, entry.getId(), body, "stale",
                        "age " + age + " ms exceeds the max age of " + settings.maxAge().toMillis() + " ms"));
            }
        }
        T payload;
        try {
            payload = codec.decode(body);
        } catch (Throwable e) {
            String error = e instanceof Exception ? e.getMessage() : e.toString();
            return settled(deadLetters.write(connection, entry.getId(), body, "unparseable", error));
        }
        long started = System.nanoTime();
        try {
            handler.onMessage(new ReceivedMessage<>(stream, entry.getId(), payload, body));
            handled.increment();
            return Result.SETTLED;
        } catch (Throwable t) {
            handlerFailures.increment();
            lastFailure = t;
            if (last) {
                log.error("{}: handler failed on {}", name, entry.getId(), t);
            } else {
                log.warn("{}: handler failed on {}: {}", name, entry.getId(), t.toString());
            }
            return Result.FAILED;
        } finally {
            long took = System.nanoTime() - started;
            handlerNanos = handlerNanos < 0 ? took : 0.8 * handlerNanos + 0.2 * took;
        }
    }

    private static Result settled(boolean deadLettered) {
        return deadLettered ? Result.SETTLED : Result.NOT_SETTLED;
    }

    private static int compareIds(String a, String b) {
        int byTime = Long.compare(StreamIds.millis(a), StreamIds.millis(b));
        if (byTime != 0) {
            return byTime;
        }
        return Long.compare(Long.parseLong(a.substring(a.indexOf('-') + 1)),
                Long.parseLong(b.substring(b.indexOf('-') + 1)));
    }

    /** An entry whose XACK answer was lost, with the time the read that delivered it returned. */
    private record Uncertain(StreamMessage<String, String> entry, long readAt) {
    }

    /** What one attempt at an entry came to. */
    private enum Result {
        /** Handled, or settled without the handler (trimmed, or dead-lettered as stale or unparseable). */
        SETTLED,
        /** It had to be dead-lettered and even that failed: it must stay pending. */
        NOT_SETTLED,
        /** The handler threw. */
        FAILED
    }
}
