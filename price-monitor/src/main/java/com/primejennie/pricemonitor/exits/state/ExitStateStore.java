package com.primejennie.pricemonitor.exits.state;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Per-position exit state in Redis under the Python keys ({@code high_watermark:*}, {@code scale_out:*},
 * {@code rsi_sold:*}, TTL 30 d; spec §1.8), with an in-memory copy so a tick costs no Redis read. Redis is read once
 * per position (after a restart) and written only when the state changes; a Redis failure keeps the in-memory state.
 */
public final class ExitStateStore {

    private static final Logger log = LoggerFactory.getLogger(ExitStateStore.class);
    static final Duration TTL = Duration.ofDays(30);

    private final StringRedisTemplate redis;
    private final Map<String, PositionExitState> states = new ConcurrentHashMap<>();

    /** {@code redis} may be null (benchmarks, pure tests): memory only. */
    public ExitStateStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public PositionExitState get(String code, double buyPrice) {
        return states.computeIfAbsent(code, c -> load(c, buyPrice));
    }

    /** Stores {@code next}; writes Redis only for what changed. */
    public void put(String code, PositionExitState previous, PositionExitState next) {
        states.put(code, next);
        if (redis == null) {
            return;
        }
        try {
            if (next.highPrice() != previous.highPrice() || next.buyPrice() != previous.buyPrice()) {
                redis.opsForValue().set("high_watermark:" + code, String.format(Locale.ROOT,
                        "{\"high_price\": %.1f, \"buy_price\": %.1f}", next.highPrice(), next.buyPrice()), TTL);
            }
            if (next.scaleOutLevel() != previous.scaleOutLevel()) {
                redis.opsForValue().set("scale_out:" + code, Integer.toString(next.scaleOutLevel()), TTL);
            }
            if (next.rsiSold() && !previous.rsiSold()) {
                redis.opsForValue().set("rsi_sold:" + code, "1", TTL);
            }
        } catch (RuntimeException e) {
            log.warn("exit state of {} not written to Redis (kept in memory): {}", code, e.toString());
        }
    }

    /** Full close only (never after a partial, spec §6.2 [REC]): forget ladder, watermark and RSI flag. */
    public void clear(String code) {
        states.remove(code);
        if (redis == null) {
            return;
        }
        try {
            redis.delete(java.util.List.of("high_watermark:" + code, "scale_out:" + code, "rsi_sold:" + code));
        } catch (RuntimeException e) {
            log.warn("exit state of {} not cleared in Redis: {}", code, e.toString());
        }
    }

    /** Clears the state of every stock no longer held (fully closed per the DB). */
    public void retainOnly(java.util.Set<String> held) {
        for (String code : java.util.List.copyOf(states.keySet())) {
            if (!held.contains(code)) {
                clear(code);
            }
        }
    }

    private PositionExitState load(String code, double buyPrice) {
        PositionExitState fresh = PositionExitState.fresh(buyPrice);
        if (redis == null) {
            return fresh;
        }
        try {
            String hw = redis.opsForValue().get("high_watermark:" + code);
            String so = redis.opsForValue().get("scale_out:" + code);
            String rsi = redis.opsForValue().get("rsi_sold:" + code);
            double high = hw == null ? buyPrice : number(hw, "high_price", buyPrice);
            double buy = hw == null ? buyPrice : number(hw, "buy_price", buyPrice);
            int level = so == null ? 0 : Integer.parseInt(so.trim());
            return new PositionExitState(high, buy, level, rsi != null);
        } catch (RuntimeException e) {
            log.warn("exit state of {} not readable from Redis, starting fresh: {}", code, e.toString());
            return fresh;
        }
    }

    private static double number(String json, String field, double fallback) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }
}
