package com.primejennie.pricemonitor.exits;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The market regime for the scale-out tables when {@code jennie.exits.regime-tables-enabled} is on: the regime
 * scout-job writes ({@code market:regime:data}.regime). Python read {@code market_regime:current}, which nothing
 * wrote, so it always traded the SIDEWAYS table.
 */
final class RegimeReader {

    private RegimeReader() {
    }

    static String read(StringRedisTemplate redis) {
        try {
            String json = redis.opsForValue().get("market:regime:data");
            if (json == null) {
                return "SIDEWAYS";
            }
            var m = java.util.regex.Pattern.compile("\"regime\"\\s*:\\s*\"([A-Z_]+)\"").matcher(json);
            return m.find() ? m.group(1) : "SIDEWAYS";
        } catch (RuntimeException e) {
            return "SIDEWAYS";
        }
    }
}
