package com.primejennie.dashboard.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The last traded prices the feed keeps in the {@code prices:realtime} hash (code → price). A code without a price, or
 * Redis down, is simply absent: pages then show the average price and say so.
 */
@Component
public class PriceBoard {

    public static final String KEY = "prices:realtime";

    private final StringRedisTemplate redis;

    public PriceBoard(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Map<String, Long> prices(List<String> codes) {
        Map<String, Long> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        try {
            List<Object> values = redis.opsForHash().multiGet(KEY, new ArrayList<>(codes));
            for (int i = 0; i < codes.size(); i++) {
                Object v = values.get(i);
                if (v != null) {
                    try {
                        long price = Math.round(Double.parseDouble(v.toString()));
                        if (price > 0) {
                            out.put(codes.get(i), price);
                        }
                    } catch (NumberFormatException ignored) {
                        // not a price: treated as missing
                    }
                }
            }
        } catch (RuntimeException e) {
            // Redis down: no live prices
        }
        return out;
    }
}
