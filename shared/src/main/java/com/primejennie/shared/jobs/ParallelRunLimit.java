package com.primejennie.shared.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * {@code max_parallel} across every instance of a consumer: the runs of one job in progress are the members of the
 * sorted set {@code jobs:running:<job_id>}, each scored with the end of its lease, so a run whose process died stops
 * counting when its lease (the job's timeout plus a margin) ends. Acquiring is one Lua script (expire stale leases,
 * count, add), so two instances can never both take the last slot.
 */
public final class ParallelRunLimit {

    /** Prefix of the per-job sorted sets. */
    public static final String KEY_PREFIX = "jobs:running:";

    private static final DefaultRedisScript<Long> ACQUIRE = new DefaultRedisScript<>("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZSCORE', KEYS[1], ARGV[3]) then
              redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
              return 1
            end
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public ParallelRunLimit(StringRedisTemplate redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Takes (or renews) a slot for {@code runId} of {@code jobId} for {@code lease}; false when {@code maxParallel}
     * other runs hold one.
     */
    public boolean acquire(String jobId, String runId, int maxParallel, Duration lease) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("max_parallel must be at least 1, got " + maxParallel + " for " + jobId);
        }
        long now = clock.millis();
        long until = now + lease.toMillis();
        Long taken = redis.execute(ACQUIRE, List.of(KEY_PREFIX + jobId), Long.toString(now), Long.toString(until),
                runId, Integer.toString(maxParallel), Long.toString(lease.toMillis() + 60_000));
        return taken != null && taken == 1L;
    }

    /** Gives the slot of {@code runId} back. */
    public void release(String jobId, String runId) {
        redis.opsForZSet().remove(KEY_PREFIX + jobId, runId);
    }

    /** How many runs of {@code jobId} hold a live slot now. */
    public long running(String jobId) {
        Long count = redis.opsForZSet().count(KEY_PREFIX + jobId, clock.millis(), Double.POSITIVE_INFINITY);
        return count == null ? 0 : count;
    }
}
