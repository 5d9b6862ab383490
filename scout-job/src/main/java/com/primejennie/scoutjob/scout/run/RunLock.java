package com.primejennie.scoutjob.scout.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * One scout run at a time across every instance (spec §3.2 recommends it; the Python suite had none): a Redis
 * {@code SET scout:run:lock <runId> NX PX ttl}, released only by its owner. Triggers are coalesced (the spec's
 * "drop/coalesce triggers while a run is active"): a trigger queued before the last run started, or while it was in
 * progress, is skipped, since that run serves it ({@code scout:run:last_started_at} and
 * {@code scout:run:last_finished_at}, epoch ms).
 */
public final class RunLock {

    public static final String LOCK_KEY = "scout:run:lock";
    public static final String LAST_STARTED_KEY = "scout:run:last_started_at";
    public static final String LAST_FINISHED_KEY = "scout:run:last_finished_at";
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;

    public RunLock(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    /** Takes the lock for {@code runId}; false when another run holds it. */
    public boolean acquire(String runId, Instant startedAt) {
        boolean ok = Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(LOCK_KEY, runId, ttl));
        if (ok) {
            redis.opsForValue().set(LAST_STARTED_KEY, Long.toString(startedAt.toEpochMilli()));
        }
        return ok;
    }

    public void release(String runId, Instant finishedAt) {
        redis.opsForValue().set(LAST_FINISHED_KEY, Long.toString(finishedAt.toEpochMilli()));
        redis.execute(RELEASE, List.of(LOCK_KEY), runId);
    }

    /** Who holds the lock now. */
    public Optional<String> holder() {
        return Optional.ofNullable(redis.opsForValue().get(LOCK_KEY));
    }

    /** Whether the last run started after {@code queuedAt} or was in progress then (so it served that trigger). */
    public boolean coveredByLastRun(Instant queuedAt) {
        if (queuedAt == null) {
            return false;
        }
        long q = queuedAt.toEpochMilli();
        return atLeast(LAST_STARTED_KEY, q) || atLeast(LAST_FINISHED_KEY, q);
    }

    private boolean atLeast(String key, long epochMs) {
        String v = redis.opsForValue().get(key);
        return v != null && Long.parseLong(v) >= epochMs;
    }
}
