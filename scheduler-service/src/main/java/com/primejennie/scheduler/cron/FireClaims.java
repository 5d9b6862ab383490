package com.primejennie.scheduler.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Makes each cron fire happen once across every scheduler instance: the instance whose
 * {@code SET scheduler:fire:<job_id>:<fire epoch ms> <instance> NX EX ttl} succeeds publishes; the others see the
 * key and move on.
 */
public final class FireClaims {

    /** Prefix of the claim keys. */
    public static final String KEY_PREFIX = "scheduler:fire:";

    private final StringRedisTemplate redis;
    private final String instance;
    private final Duration ttl;

    public FireClaims(StringRedisTemplate redis, String instance, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** Whether this instance won the fire of {@code jobId} at {@code fireAt}. */
    public boolean claim(String jobId, Instant fireAt) {
        Boolean won = redis.opsForValue().setIfAbsent(KEY_PREFIX + jobId + ":" + fireAt.toEpochMilli(), instance, ttl);
        return Boolean.TRUE.equals(won);
    }

    /** Gives a claim back (its publication failed), so the next tick may try the fire again within the grace. */
    public void release(String jobId, Instant fireAt) {
        redis.delete(KEY_PREFIX + jobId + ":" + fireAt.toEpochMilli());
    }

    public String instance() {
        return instance;
    }
}
