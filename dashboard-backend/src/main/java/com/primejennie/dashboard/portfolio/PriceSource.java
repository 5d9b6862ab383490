package com.primejennie.dashboard.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.primejennie.shared.feed.StreamTickPublisher;
import com.primejennie.shared.kis.KisClient;

/**
 * Current prices for held stocks: the feed's {@code prices:realtime} hash first, then a KIS quote (when KIS is
 * configured), else nothing - the caller then falls back to the average price, as the Python dashboard did.
 */
@Component
public class PriceSource {

    private static final Logger log = LoggerFactory.getLogger(PriceSource.class);

    private final StringRedisTemplate redis;
    private final ObjectProvider<KisClient> kis;

    public PriceSource(StringRedisTemplate redis, ObjectProvider<KisClient> kis) {
        this.redis = redis;
        this.kis = kis;
    }

    /** Code → price for the codes a price is known for. */
    public Map<String, Long> prices(List<String> codes) {
        Map<String, Long> prices = new HashMap<>();
        if (codes.isEmpty()) {
            return prices;
        }
        List<Object> values = redis.opsForHash().multiGet(StreamTickPublisher.REALTIME_HASH, new ArrayList<>(codes));
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Long p = parse(values.get(i));
            if (p != null && p > 0) {
                prices.put(codes.get(i), p);
            } else {
                missing.add(codes.get(i));
            }
        }
        KisClient client = kis.getIfAvailable();
        if (client != null) {
            for (String code : missing) {
                try {
                    prices.put(code, client.currentPrice(code).price());
                } catch (RuntimeException e) {
                    log.debug("no KIS quote for {}: {}", code, e.getMessage());
                }
            }
        }
        return prices;
    }

    /** The account's cash from KIS, or 0 when KIS is not configured or does not answer. */
    public long cash() {
        KisClient client = kis.getIfAvailable();
        if (client == null) {
            return 0;
        }
        try {
            return client.balance().cashDeposit();
        } catch (RuntimeException e) {
            log.warn("cash balance unavailable from KIS: {}", e.getMessage());
            return 0;
        }
    }

    private static Long parse(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(value.toString()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
