package com.primejennie.shared.kis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link KisRateLimiter} as a sliding-window log in one Redis sorted set, decided atomically by a Lua script on
 * Redis's own clock ({@code TIME}), so every process of every host shares one budget and no two clocks disagree:
 * no window (one second, or a little more for network jitter) ever holds more than {@code requestsPerSecond}
 * admissions. Stricter than KIS's own fixed window, never looser.
 */
public class RedisSlidingWindowRateLimiter implements KisRateLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = new DefaultRedisScript<>("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            if count < tonumber(ARGV[1]) then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], math.floor(window / 1000) + 5000)
              return {1, now, 0}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, now, tonumber(oldest[2]) + window - now}
            """, List.class);

    private final StringRedisTemplate redis;
    private final String key;
    private final int requestsPerSecond;
    private final int reservedForOrders;
    private final Duration maxWait;
    private final long windowMicros;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param key               the Redis key of the budget, e.g. {@code kis:ratelimit:real:<app key fingerprint>}
     * @param requestsPerSecond admissions per sliding second
     * @param maxWait           how long {@link #acquire()} waits before giving up
     */
    public RedisSlidingWindowRateLimiter(StringRedisTemplate redis, String key, int requestsPerSecond,
                                         Duration maxWait) {
        this(redis, key, requestsPerSecond, Duration.ofSeconds(1), maxWait);
    }

    /** As above, counting in {@code window} instead of one second. */
    public RedisSlidingWindowRateLimiter(StringRedisTemplate redis, String key, int requestsPerSecond,
                                         Duration window, Duration maxWait) {
        this(redis, key, requestsPerSecond, window, maxWait, 0);
    }

    /**
     * As above, keeping {@code reservedForOrders} admissions of every window for the priority lane (orders, cancels,
     * settlement reads): ordinary reads are admitted only while fewer than {@code requestsPerSecond -
     * reservedForOrders} are in the window.
     */
    public RedisSlidingWindowRateLimiter(StringRedisTemplate redis, String key, int requestsPerSecond,
                                         Duration window, Duration maxWait, int reservedForOrders) {
        if (reservedForOrders < 0 || (reservedForOrders > 0 && reservedForOrders >= requestsPerSecond)) {
            throw new IllegalArgumentException("reservedForOrders must be in [0, requestsPerSecond), got "
                    + reservedForOrders + " of " + requestsPerSecond);
        }
        this.reservedForOrders = reservedForOrders;
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, got " + requestsPerSecond);
        }
        this.redis = redis;
        this.key = key;
        this.requestsPerSecond = requestsPerSecond;
        this.maxWait = maxWait;
        this.windowMicros = window.toNanos() / 1_000L;
        if (windowMicros < 1_000_000L) {
            throw new IllegalArgumentException("the window must be at least one second, got " + window);
        }
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Admissions per window kept for the priority lane. */
    public int reservedForOrders() {
        return reservedForOrders;
    }

    /**
     * The default reserve for a budget: a fifth of it, at least one, none for a budget of one (reads would starve).
     * 19 real → 3; 2 paper → 1.
     */
    public static int defaultReserve(int requestsPerSecond) {
        return requestsPerSecond < 2 ? 0 : Math.max(1, requestsPerSecond / 5);
    }

    public String key() {
        return key;
    }

    @Override
    public Admission tryAcquire() {
        return tryAcquire(false);
    }

    @Override
    public Admission tryAcquire(boolean priority) {
        int limit = priority ? requestsPerSecond : requestsPerSecond - reservedForOrders;
        List<?> result = redis.execute(SCRIPT, List.of(key), String.valueOf(limit),
                String.valueOf(windowMicros), instanceId + ":" + sequence.incrementAndGet());
        if (result == null || result.size() < 3) {
            throw new KisException(KisErrorKind.NOT_SENT, "rate limiter script answered " + result);
        }
        return new Admission(((Number) result.get(0)).longValue() == 1, ((Number) result.get(1)).longValue(),
                ((Number) result.get(2)).longValue());
    }

    @Override
    public Admission acquire() {
        return acquire(false);
    }

    @Override
    public Admission acquire(boolean priority) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Admission admission;
            try {
                admission = tryAcquire(priority);
            } catch (RuntimeException e) {
                if (e instanceof KisException kis) {
                    throw kis;
                }
                // Fail closed: without the shared budget we could exceed KIS's limit for every process.
                throw new KisException(KisErrorKind.NOT_SENT, "rate limiter unavailable (Redis): " + e.getMessage(),
                        e);
            }
            if (admission.admitted()) {
                return admission;
            }
            long waitNanos = Math.max(admission.retryInMicros(), 1_000L) * 1_000L;
            if (System.nanoTime() + waitNanos > deadline) {
                throw new KisException(KisErrorKind.NOT_SENT, "KIS rate budget of " + requestsPerSecond
                        + " per " + windowMicros / 1000 + " ms stayed full for " + maxWait.toMillis() + " ms; request not sent");
            }
            try {
                Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KisException(KisErrorKind.NOT_SENT, "interrupted while waiting for the rate budget", e);
            }
        }
    }
}
