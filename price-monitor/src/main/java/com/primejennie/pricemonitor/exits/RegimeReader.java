package com.primejennie.pricemonitor.exits;

import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The market regime for the scale-out tables. With {@code jennie.exits.regime-tables-enabled} off (the default, what
 * Python did) it is always SIDEWAYS: Python read {@code market_regime:current}, which nothing wrote. On, it is the
 * regime scout-job writes ({@code market:regime:data}.regime), SIDEWAYS when that is missing or unreadable.
 */
public final class RegimeReader {

    public static final String KEY = "market:regime:data";
    private static final Pattern REGIME = Pattern.compile("\"regime\"\\s*:\\s*\"([A-Z_]+)\"");

    private RegimeReader() {
    }

    /** The regime supplier the engine reads on each evaluated tick. */
    public static Supplier<String> supplier(boolean enabled, Supplier<String> regimeJson) {
        return enabled ? () -> read(regimeJson) : () -> "SIDEWAYS";
    }

    static Supplier<String> redisJson(StringRedisTemplate redis) {
        return () -> redis.opsForValue().get(KEY);
    }

    static String read(Supplier<String> regimeJson) {
        try {
            String json = regimeJson.get();
            if (json == null) {
                return "SIDEWAYS";
            }
            var m = REGIME.matcher(json);
            return m.find() ? m.group(1) : "SIDEWAYS";
        } catch (RuntimeException e) {
            return "SIDEWAYS";
        }
    }
}
