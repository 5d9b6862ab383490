package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a publisher and a worker of one stream need to know, resolved and complete. The defaults of the whole
 * suite live here, in one place: {@link #DEFAULTS} for any stream, {@link #builtIn(String)} for the streams whose
 * traffic differs; {@link MessagingProperties} lays the operator's settings over them.
 *
 * @param maxLen               {@code XADD … MAXLEN ~ n}; 0 disables trimming
 * @param deadLetterMaxLen     {@code MAXLEN ~ n} of {@code <stream>:dead}
 * @param startId              where a newly created group starts: {@code $} (only new messages) or {@code 0}
 * @param maxAge               messages older than this (entry id time vs Redis {@code TIME}) are dead-lettered as
 *                             "stale" instead of handled; {@link Duration#ZERO} means no limit
 * @param batchSize            {@code XREADGROUP COUNT} (also of the pending recovery and {@code XAUTOCLAIM}), a fixed
 *                             number: the worker acknowledges at most this many ahead of the handler, fewer when the
 *                             handler is slow (what it can finish in half the stop timeout), never more; 1 on the
 *                             money streams ({@code stream:buy-signals}, {@code stream:sell-orders})
 * @param block                {@code XREADGROUP BLOCK}; a stop is noticed within this time
 * @param ackMode              ACK before (at-most-once) or after the handler
 * @param claimIdle            entries of other consumers idle this long are claimed ({@code XAUTOCLAIM})
 * @param housekeepingInterval how often claiming, removal of gone consumers and the pending/lag gauges run
 * @param consumerGoneAfter    a consumer idle this long that owns no entry is removed from the group
 * @param reconnectBase        reconnect backoff = base × attempt …
 * @param reconnectMax         … capped at this
 * @param unhealthyAfter       health turns DOWN when the worker has been reconnecting this long
 * @param stopTimeout          {@code stop()} returns within this time
 * @param maxAttempts          {@link AckMode#AFTER_HANDLER} only: how many times an entry is handed to the handler
 *                             (counted by Redis's delivery count, so crashes count too) before it is dead-lettered
 *                             as "handler-failed"; {@link AckMode#BEFORE_HANDLER} ignores it (one attempt)
 * @param retryBackoff         {@link AckMode#AFTER_HANDLER} only: wait before the second attempt, doubled before each
 *                             further one, capped at {@link #RETRY_BACKOFF_CAP}
 */
public record StreamSettings(long maxLen, long deadLetterMaxLen, String startId, Duration maxAge, int batchSize,
                             Duration block, AckMode ackMode, Duration claimIdle, Duration housekeepingInterval,
                             Duration consumerGoneAfter, Duration reconnectBase, Duration reconnectMax,
                             Duration unhealthyAfter, Duration stopTimeout, int maxAttempts, Duration retryBackoff) {

    /** The longest wait between two attempts of one entry, however many attempts are allowed. */
    public static final Duration RETRY_BACKOFF_CAP = Duration.ofSeconds(30);

    /** Defaults of any stream. */
    public static final StreamSettings DEFAULTS = new StreamSettings(10_000, 10_000, "$", Duration.ZERO, 100,
            Duration.ofSeconds(1), AckMode.BEFORE_HANDLER, Duration.ofSeconds(60), Duration.ofSeconds(15),
            Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(5), 3, Duration.ofSeconds(1));

    private static final Map<String, StreamOverrides> BUILT_IN = Map.of(
            // A buy signal is worth acting on for a minute; after an outage the market has moved on. The money
            // streams read one entry per XREADGROUP: nothing waits in this consumer's pending list behind a slow order.
            Streams.BUY_SIGNALS, StreamOverrides.NONE.withMaxAge(Duration.ofSeconds(60)).withBatchSize(1),
            // An exit must never be dropped: no age limit, and a trim length no realistic backlog reaches.
            Streams.SELL_ORDERS, StreamOverrides.NONE.withMaxAge(Duration.ZERO).withMaxLen(100_000L)
                    .withBatchSize(1),
            Streams.JOBS_SCOUT, StreamOverrides.NONE.withMaxLen(1_000L),
            // The Python gateway writes MAXLEN ~10000; ticks arrive in bursts.
            Streams.KIS_PRICES, StreamOverrides.NONE.withMaxLen(10_000L).withBatchSize(200),
            // The collector trims to ~100000; the archiver wants every item once, even after a crash.
            Streams.NEWS_RAW, StreamOverrides.NONE.withMaxLen(100_000L).withBatchSize(20).withStartId("0")
                    .withAckMode(AckMode.AFTER_HANDLER));

    public StreamSettings {
        Objects.requireNonNull(startId, "startId");
        Objects.requireNonNull(ackMode, "ackMode");
        requireNotNegative(maxAge, "maxAge");
        requirePositive(block, "block");
        requirePositive(claimIdle, "claimIdle");
        requirePositive(housekeepingInterval, "housekeepingInterval");
        requirePositive(consumerGoneAfter, "consumerGoneAfter");
        requirePositive(reconnectBase, "reconnectBase");
        requirePositive(reconnectMax, "reconnectMax");
        requirePositive(unhealthyAfter, "unhealthyAfter");
        requirePositive(stopTimeout, "stopTimeout");
        if (maxLen < 0 || deadLetterMaxLen < 0) {
            throw new IllegalArgumentException("maxLen and deadLetterMaxLen must be >= 0 (0 = no trimming), got "
                    + maxLen + " and " + deadLetterMaxLen);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        requirePositive(retryBackoff, "retryBackoff");
        if (retryBackoff.compareTo(RETRY_BACKOFF_CAP) > 0) {
            throw new IllegalArgumentException("retryBackoff must be at most " + RETRY_BACKOFF_CAP
                    + " (the backoff cap), got " + retryBackoff);
        }
    }

    /** Settings without the retry values: {@code maxAttempts} 3 and {@code retryBackoff} 1 s. */
    public StreamSettings(long maxLen, long deadLetterMaxLen, String startId, Duration maxAge, int batchSize,
                          Duration block, AckMode ackMode, Duration claimIdle, Duration housekeepingInterval,
                          Duration consumerGoneAfter, Duration reconnectBase, Duration reconnectMax,
                          Duration unhealthyAfter, Duration stopTimeout) {
        this(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle, housekeepingInterval,
                consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout, 3,
                Duration.ofSeconds(1));
    }

    /** The built-in settings of {@code stream} (its specific defaults over {@link #DEFAULTS}). */
    public static StreamSettings builtIn(String stream) {
        return DEFAULTS.with(BUILT_IN.getOrDefault(stream, StreamOverrides.NONE));
    }

    /** The built-in per-stream values, for layering the operator's generic defaults under them. */
    static StreamOverrides builtInOverrides(String stream) {
        return BUILT_IN.getOrDefault(stream, StreamOverrides.NONE);
    }

    /** These settings with every non-null value of {@code o} laid over them. */
    public StreamSettings with(StreamOverrides o) {
        if (o == null) {
            return this;
        }
        return new StreamSettings(or(o.maxLen(), maxLen), or(o.deadLetterMaxLen(), deadLetterMaxLen),
                or(o.startId(), startId), or(o.maxAge(), maxAge), or(o.batchSize(), batchSize), or(o.block(), block),
                or(o.ackMode(), ackMode), or(o.claimIdle(), claimIdle),
                or(o.housekeepingInterval(), housekeepingInterval), or(o.consumerGoneAfter(), consumerGoneAfter),
                or(o.reconnectBase(), reconnectBase), or(o.reconnectMax(), reconnectMax),
                or(o.unhealthyAfter(), unhealthyAfter), or(o.stopTimeout(), stopTimeout),
                or(o.maxAttempts(), maxAttempts), or(o.retryBackoff(), retryBackoff));
    }

    /** Whether messages of this stream expire. */
    public boolean hasMaxAge() {
        return !maxAge.isZero();
    }

    /** Backoff before reconnect attempt {@code attempt} (1-based): base × attempt, at most {@link #reconnectMax}. */
    public Duration reconnectDelay(int attempt) {
        Duration delay = reconnectBase.multipliedBy(Math.max(1, attempt));
        return delay.compareTo(reconnectMax) > 0 ? reconnectMax : delay;
    }

    /**
     * Wait after failed attempt {@code attempt} (1-based) before the next one: {@link #retryBackoff} × 2^(attempt-1),
     * at most {@link #RETRY_BACKOFF_CAP}.
     */
    public Duration retryDelay(long attempt) {
        long doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = retryBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(RETRY_BACKOFF_CAP) > 0 ? RETRY_BACKOFF_CAP : delay;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero (none) or positive, got " + d);
        }
    }
}
