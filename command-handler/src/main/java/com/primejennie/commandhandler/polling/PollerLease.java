package com.primejennie.commandhandler.polling;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One poller across instances: {@code getUpdates} from two processes would answer each other's updates twice (and
 * Telegram answers the second caller with 409). The holder of {@code telegram:poller:lease} polls; it takes or renews
 * the lease at the start of every cycle (one atomic script); a crashed holder's lease expires after {@code ttl}.
 */
public class PollerLease {

    public static final String KEY = "telegram:poller:lease";

    private static final RedisScript<Long> ACQUIRE = new DefaultRedisScript<>("""
            local owner = redis.call('GET', KEYS[1])
            if owner == false or owner == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0""", Long.class);

    private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final String owner;

    public PollerLease(StringRedisTemplate redis, Duration ttl) {
        this(redis, ttl, "command-handler-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    }

    public PollerLease(StringRedisTemplate redis, Duration ttl, String owner) {
        this.redis = redis;
        this.ttl = ttl;
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    /** Takes or renews the lease; false when another instance holds it (or Redis cannot be reached). */
    public boolean acquire() {
        try {
            Long got = redis.execute(ACQUIRE, List.of(KEY), owner, String.valueOf(ttl.toMillis()));
            return got != null && got == 1L;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Gives the lease up (at shutdown), only if still ours. */
    public void release() {
        try {
            redis.execute(RELEASE, List.of(KEY), owner);
        } catch (RuntimeException ignored) {
            // it expires on its own
        }
    }
}
