package com.primejennie.dashboard.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/system/realtime-monitor} from the heartbeats the services really write: price-monitor's
 * {@code monitoring:price_monitor} (status, watching_count) and buy-scanner's {@code monitoring:buy_scanner_websocket}
 * (tick_count, signal_count, hot_watchlist_size, market_regime, which the page shows but the Python endpoint never
 * read) [QUIRK, fixed]. Offline when neither heartbeat is alive.
 */
@Service
public class RealtimeMonitorQuery {

    public static final String PRICE_MONITOR_KEY = "monitoring:price_monitor";
    public static final String BUY_SCANNER_KEY = "monitoring:buy_scanner_websocket";

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RealtimeMonitorQuery(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public Map<String, Object> monitor() {
        JsonNode priceMonitor = read(PRICE_MONITOR_KEY);
        JsonNode scanner = read(BUY_SCANNER_KEY);
        if (priceMonitor == null && scanner == null) {
            return Shape.of("status", "offline", "message", "No heartbeat data", "metrics", Map.of(),
                    "services", Shape.of("price_monitor", "offline", "buy_scanner", "offline"));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (scanner != null) {
            metrics.putAll(json.convertValue(scanner.has("metrics") ? scanner.get("metrics") : scanner, Map.class));
        }
        if (priceMonitor != null && priceMonitor.has("metrics")) {
            metrics.putAll(json.convertValue(priceMonitor.get("metrics"), Map.class));
        }
        String status = priceMonitor != null ? priceMonitor.path("status").asString("online") : "online";
        return Shape.of("status", status, "metrics", metrics, "services",
                Shape.of("price_monitor", priceMonitor == null ? "offline" : "online",
                        "buy_scanner", scanner == null ? "offline" : "online"));
    }

    private JsonNode read(String key) {
        String text = redis.opsForValue().get(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
