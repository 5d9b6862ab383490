package com.primejennie.commandhandler.polling;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The next {@code getUpdates} offset, kept in Redis ({@code telegram:update_offset}) and advanced <em>before</em> an
 * update is executed. The Python bot held it in memory only, so a restart re-delivered and re-executed the last
 * batch (a second manual buy) [DEFECT, fixed]; here a crash between storing and executing loses at most one command,
 * which the operator sees unanswered, and never runs one twice.
 */
public class UpdateOffsetStore {

    public static final String KEY = "telegram:update_offset";

    private final StringRedisTemplate redis;

    public UpdateOffsetStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The stored offset, 0 when none (Telegram then sends every unconfirmed update). Throws when unreadable. */
    public long next() {
        String v = redis.opsForValue().get(KEY);
        return v == null ? 0 : Long.parseLong(v.trim());
    }

    /** Stores {@code offset} (never moving it back). Throws when Redis does not take it. */
    public void advanceTo(long offset) {
        redis.execute(new org.springframework.data.redis.core.script.DefaultRedisScript<>("""
                local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
                if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1]) end
                return 1""", Long.class), java.util.List.of(KEY), String.valueOf(offset));
    }
}
