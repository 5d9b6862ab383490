package com.primejennie.buyexecutor.consume;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The per-stock buy lock ({@code lock:buy:{code}} SET NX EX 180, never released, as in Python) and the decision lock
 * ({@code lock:buy-executor:decision}) held by one executor at a time from the exposure reads through the submit, so
 * two executors cannot both pass the same cap. The decision lock has a lease (a crashed holder frees it) and is
 * released only by its owner's token. Waiting for it is bounded; a decision that cannot get it is refused.
 */
public final class RedisBuyLocks implements BuyPorts.Locks {

    public static final String DECISION_KEY = "lock:buy-executor:decision";
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final Duration stockLockTtl;
    private final Duration decisionLease;
    private final Duration decisionWait;

    public RedisBuyLocks(StringRedisTemplate redis, Duration stockLockTtl, Duration decisionLease,
                         Duration decisionWait) {
        this.redis = redis;
        this.stockLockTtl = stockLockTtl;
        this.decisionLease = decisionLease;
        this.decisionWait = decisionWait;
    }

    @Override
    public boolean tryStockLock(String code) {
        Boolean set = redis.opsForValue().setIfAbsent("lock:buy:" + code, "1", stockLockTtl);
        if (set == null) {
            throw new IllegalStateException("SET NX on lock:buy:" + code + " gave no answer");
        }
        return set;
    }

    @Override
    public <T> T serialised(Supplier<T> decision) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + decisionWait.toNanos();
        long pause = 200_000; // 0.2 ms, doubling to 5 ms
        while (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(DECISION_KEY, token, decisionLease))) {
            if (System.nanoTime() - deadline > 0) {
                throw new DecisionLockUnavailableException("another executor holds " + DECISION_KEY + " for more than "
                        + decisionWait);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 5_000_000);
        }
        try {
            return decision.get();
        } finally {
            redis.execute(RELEASE, List.of(DECISION_KEY), token);
        }
    }

    /** The decision lock could not be taken in time; the buy is refused (fail closed). */
    public static final class DecisionLockUnavailableException extends RuntimeException {
        public DecisionLockUnavailableException(String message) {
            super(message);
        }
    }
}
