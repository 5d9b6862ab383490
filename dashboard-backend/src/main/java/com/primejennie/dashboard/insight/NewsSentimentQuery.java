package com.primejennie.dashboard.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/news/sentiment}: the per-stock {@code sentiment:{code}} JSON, names from WATCHLIST when absent. */
@Service
public class NewsSentimentQuery {

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public NewsSentimentQuery(StringRedisTemplate redis, JdbcClient jdbc, JsonMapper json) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.json = json;
    }

    public Map<String, Object> one(String code) {
        String text = redis.opsForValue().get("sentiment:" + code);
        if (text == null) {
            return Shape.of("stock_code", code, "stock_name", watchlistName(code), "sentiment_score", null,
                    "reason", "데이터 없음", "source_url", null, "updated_at", null);
        }
        return item(code, parse(text));
    }

    public Map<String, Object> list(int limit) {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("sentiment:*").count(100).build())) {
            while (cursor.hasNext() && keys.size() < limit * 2) {
                keys.add(cursor.next());
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        if (!keys.isEmpty()) {
            List<String> values = redis.opsForValue().multiGet(keys);
            for (int i = 0; i < keys.size(); i++) {
                if (values != null && values.get(i) != null) {
                    items.add(item(keys.get(i).substring("sentiment:".length()), parse(values.get(i))));
                }
            }
        }
        items.sort(Comparator.comparingDouble((Map<String, Object> m) -> m.get("sentiment_score") instanceof Number n
                ? n.doubleValue() : Double.NEGATIVE_INFINITY).reversed());
        return Shape.of("items", items.size() > limit ? items.subList(0, limit) : items);
    }

    private Map<String, Object> item(String code, JsonNode s) {
        String name = s.hasNonNull("stock_name") ? s.get("stock_name").asString() : watchlistName(code);
        return Shape.of("stock_code", code, "stock_name", name,
                "sentiment_score", s.hasNonNull("score") ? s.get("score").asDouble() : null,
                "reason", s.hasNonNull("reason") ? s.get("reason").asString() : null,
                "source_url", s.hasNonNull("source_url") ? s.get("source_url").asString() : null,
                "updated_at", s.hasNonNull("updated_at") ? s.get("updated_at").asString() : null);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private String watchlistName(String code) {
        return jdbc.sql("SELECT STOCK_NAME FROM WATCHLIST WHERE STOCK_CODE = ?").param(code).query(String.class)
                .optional().orElse(null);
    }
}
