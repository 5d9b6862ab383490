package com.primejennie.shared.manual;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.primejennie.shared.market.TradingDay;

/**
 * The operator's two limits, both atomic in Redis (one Lua script each, so no GET-then-SET race and no counter left
 * without its expiry):
 * <ul>
 *   <li><b>rate limit</b> — at most one command per {@code minInterval} per actor: {@code INCR} + {@code EXPIRE} of
 *       {@code {source}:rl:{id}} ({@code telegram:rl:{chat_id}} as in the Python bot);</li>
 *   <li><b>daily manual-trade limit</b> — at most {@code dailyLimit} manual buys/sells per actor and KRX trading day
 *       (Korea time): {@code {source}:manual_trades:{yyyyMMdd}:{id}}. The Python bot keyed it by the UTC date
 *       (rolling over at 09:00 KST) and counted requests that later failed [DEFECT, fixed]: here a slot is taken
 *       only when the order is about to be published, and given back when the publish did not happen.</li>
 * </ul>
 * When Redis cannot be read the answer is {@link Decision#UNAVAILABLE}; trading callers must refuse (fail closed).
 */
public class ManualTradeLimits {

    /** Default {@code COMMAND_MIN_INTERVAL_SECONDS}. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(5);
    /** Default {@code MANUAL_TRADE_DAILY_LIMIT}. */
    public static final int DEFAULT_DAILY_LIMIT = 20;
    /** The day key outlives its day by this much (cleanup only; the date in the key is what separates days). */
    static final Duration DAY_KEY_TTL = Duration.ofDays(3);

    /** How a limit answered. */
    public enum Decision { ALLOWED, LIMITED, UNAVAILABLE }

    /**
     * @param count       the counter after this call (rate: commands in the window; daily: trades used today)
     * @param retryAfter  rate limit: seconds until the next command is accepted (0 when allowed)
     */
    public record Check(Decision decision, long count, long limit, long retryAfter, String reason) {
        public boolean allowed() {
            return decision == Decision.ALLOWED;
        }
    }

    /** INCR, set the expiry on the first hit; returns {count, ttl}. */
    private static final RedisScript<List> RATE = new DefaultRedisScript<>("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 or redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('TTL', KEYS[1])}""", List.class);

    /** Takes one slot unless the limit is reached; returns {1|0, count}. */
    private static final RedisScript<List> TAKE = new DefaultRedisScript<>("""
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n >= tonumber(ARGV[1]) then return {0, n} end
            n = redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return {1, n}""", List.class);

    /** Gives a slot back, never below zero; returns the count. */
    private static final RedisScript<Long> GIVE_BACK = new DefaultRedisScript<>("""
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n <= 0 then return 0 end
            return redis.call('DECR', KEYS[1])""", Long.class);

    private final StringRedisTemplate redis;
    private final TradingDay tradingDay;
    private final Duration minInterval;
    private final int dailyLimit;

    public ManualTradeLimits(StringRedisTemplate redis, TradingDay tradingDay, Duration minInterval, int dailyLimit) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.tradingDay = Objects.requireNonNull(tradingDay, "tradingDay");
        if (minInterval == null || minInterval.isNegative()) {
            throw new IllegalArgumentException("COMMAND_MIN_INTERVAL_SECONDS must be >= 0, got " + minInterval);
        }
        if (dailyLimit < 0) {
            throw new IllegalArgumentException("MANUAL_TRADE_DAILY_LIMIT must be >= 0, got " + dailyLimit);
        }
        this.minInterval = minInterval;
        this.dailyLimit = dailyLimit;
    }

    public Duration minInterval() {
        return minInterval;
    }

    public int dailyLimit() {
        return dailyLimit;
    }

    /** {@code {source}:rl:{id}}. */
    public static String rateKey(ManualActor actor) {
        return actor.source().wire() + ":rl:" + actor.id();
    }

    /** {@code {source}:manual_trades:{yyyyMMdd}:{id}} for today's KRX trading day. */
    public String dailyKey(ManualActor actor) {
        return actor.source().wire() + ":manual_trades:" + tradingDay.todayKey() + ":" + actor.id();
    }

    /** Counts one command of {@code actor}; LIMITED when the previous one was less than the interval ago. */
    public Check checkRate(ManualActor actor) {
        long seconds = Math.max(1, minInterval.toSeconds());
        if (minInterval.isZero()) {
            return new Check(Decision.ALLOWED, 0, 1, 0, "no rate limit");
        }
        List<?> result;
        try {
            result = redis.execute(RATE, List.of(rateKey(actor)), String.valueOf(seconds));
        } catch (RuntimeException e) {
            return new Check(Decision.UNAVAILABLE, 0, 1, 0, "rate limit unreadable: " + e.getMessage());
        }
        long count = ((Number) result.get(0)).longValue();
        long ttl = Math.max(1, ((Number) result.get(1)).longValue());
        return count <= 1 ? new Check(Decision.ALLOWED, count, 1, 0, "ok")
                : new Check(Decision.LIMITED, count, 1, ttl, "next command in " + ttl + " s");
    }

    /** Takes one of today's manual-trade slots of {@code actor}; LIMITED (nothing taken) when all are used. */
    public Check takeTrade(ManualActor actor) {
        List<?> result;
        try {
            result = redis.execute(TAKE, List.of(dailyKey(actor)), String.valueOf(dailyLimit),
                    String.valueOf(DAY_KEY_TTL.toSeconds()));
        } catch (RuntimeException e) {
            return new Check(Decision.UNAVAILABLE, 0, dailyLimit, 0, "daily limit unreadable: " + e.getMessage());
        }
        boolean taken = ((Number) result.get(0)).longValue() == 1;
        long count = ((Number) result.get(1)).longValue();
        return taken ? new Check(Decision.ALLOWED, count, dailyLimit, 0, "ok")
                : new Check(Decision.LIMITED, count, dailyLimit, 0, "daily manual-trade limit " + dailyLimit
                + " reached");
    }

    /** Gives back a slot taken by {@link #takeTrade} for a trade that was not published. */
    public void giveBack(ManualActor actor) {
        redis.execute(GIVE_BACK, List.of(dailyKey(actor)));
    }

    /** Manual trades {@code actor} used today (0 when none; throws when Redis cannot be read). */
    public long usedToday(ManualActor actor) {
        String v = redis.opsForValue().get(dailyKey(actor));
        return v == null ? 0 : Long.parseLong(v);
    }
}
