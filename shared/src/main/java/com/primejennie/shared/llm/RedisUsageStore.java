package com.primejennie.shared.llm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;

/**
 * The usage hash the dashboard reads: {@code llm:stats:{YYYY-MM-DD}:{service}} with fields {@code calls},
 * {@code tokens_in}, {@code tokens_out}, written with one pipelined HINCRBY x3 + EXPIRE (7 days, refreshed).
 *
 * <p>[QUIRK fixed] The Python writers used the container-local date (UTC in most images, KST in job-worker) while
 * the dashboard read with its UTC date; here the date is always the Korean one from {@link MarketClock}, for writers
 * and readers alike ({@link #key(LocalDate, String)}).
 */
public final class RedisUsageStore implements LlmUsageRecorder {

    public static final Duration TTL = Duration.ofDays(7);
    public static final String CALLS = "calls";
    public static final String TOKENS_IN = "tokens_in";
    public static final String TOKENS_OUT = "tokens_out";

    private static final byte[] CALLS_BYTES = CALLS.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOKENS_IN_BYTES = TOKENS_IN.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOKENS_OUT_BYTES = TOKENS_OUT.getBytes(StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(RedisUsageStore.class);

    private final StringRedisTemplate redis;
    private final MarketClock clock;

    public RedisUsageStore(StringRedisTemplate redis, MarketClock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The hash of one service on one Korean calendar day. */
    public static String key(LocalDate kstDate, String service) {
        return "llm:stats:" + kstDate + ":" + service;
    }

    /** Counts a call that reached the server (the Python suite counted successes only; failed HTTP calls are not). */
    @Override
    public void record(LlmUsage usage) {
        if (!usage.success() && usage.tokensIn() == 0 && usage.tokensOut() == 0) {
            return;
        }
        String key = key(clock.today(), usage.service());
        try {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            redis.executePipelined((RedisCallback<Object>) connection -> {
                connection.hashCommands().hIncrBy(k, CALLS_BYTES, 1);
                connection.hashCommands().hIncrBy(k, TOKENS_IN_BYTES, usage.tokensIn());
                connection.hashCommands().hIncrBy(k, TOKENS_OUT_BYTES, usage.tokensOut());
                connection.keyCommands().expire(k, TTL.toSeconds());
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not record LLM usage in Redis under {}: {}", key, e.getMessage());
        }
    }

    /** Today's (KST) totals of a service: calls, tokens_in, tokens_out (0 when absent). */
    public Totals today(String service) {
        return read(clock.today(), service);
    }

    public Totals read(LocalDate kstDate, String service) {
        List<Object> values = redis.<String, Object>opsForHash().multiGet(key(kstDate, service),
                List.of(CALLS, TOKENS_IN, TOKENS_OUT));
        return new Totals(number(values.get(0)), number(values.get(1)), number(values.get(2)));
    }

    private static long number(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }

    /** One day's usage of one service. */
    public record Totals(long calls, long tokensIn, long tokensOut) {

        public Map<String, Long> asMap() {
            return Map.of(CALLS, calls, TOKENS_IN, tokensIn, TOKENS_OUT, tokensOut);
        }
    }
}
