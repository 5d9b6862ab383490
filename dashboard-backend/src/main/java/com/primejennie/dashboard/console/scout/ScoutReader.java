package com.primejennie.dashboard.console.scout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/**
 * Scout's progress ({@code scout:pipeline:status} hash), its last results ({@code scout:pipeline:results}) and the
 * active hot watchlist ({@code hot_watchlist:active} → version key), as scout writes them.
 */
@Component
public class ScoutReader {

    public static final String STATUS_KEY = "scout:pipeline:status";
    public static final String RESULTS_KEY = "scout:pipeline:results";

    public record Watched(int rank, String code, String name, double score, String tier, boolean tradable,
                          String reason, String grade) {
    }

    public record Scout(Map<String, String> status, double progress, String generatedAt, String regime,
                        List<Watched> watchlist, String error) {
    }

    private final StringRedisTemplate redis;

    public ScoutReader(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Scout read() {
        try {
            Map<String, String> status = new LinkedHashMap<>();
            redis.<String, String>opsForHash().entries(STATUS_KEY).forEach(status::put);
            double progress = 0;
            try {
                progress = Double.parseDouble(status.getOrDefault("progress", "0"));
            } catch (NumberFormatException ignored) {
                // shown as 0
            }
            Map<String, JsonNode> results = results();
            String active = redis.opsForValue().get(HotWatchlist.ACTIVE_KEY);
            String json = active == null ? null : redis.opsForValue().get(active);
            List<Watched> list = new ArrayList<>();
            String generatedAt = null;
            String regime = null;
            if (json != null) {
                JsonNode root = WireJson.mapper().readTree(json);
                generatedAt = root.path("generated_at").asText(null);
                regime = root.path("market_regime").asText(null);
                int i = 0;
                for (JsonNode s : root.path("stocks")) {
                    i++;
                    String code = s.path("code").asText();
                    JsonNode r = results.get(code);
                    double score = s.has("hybrid_score") && !s.get("hybrid_score").isNull()
                            ? s.get("hybrid_score").asDouble() : s.path("llm_score").asDouble(0);
                    list.add(new Watched(s.path("rank").asInt(i), code, s.path("name").asText(code), score,
                            s.path("trade_tier").asText(""), s.path("is_tradable").asBoolean(true),
                            r == null ? s.path("llm_reason").asText("") : r.path("judge_reason").asText(""),
                            r == null ? "" : r.path("grade").asText("")));
                }
            }
            return new Scout(status, progress, generatedAt, regime, list, null);
        } catch (RuntimeException e) {
            return new Scout(Map.of(), 0, null, null, List.of(), e.getMessage());
        }
    }

    private Map<String, JsonNode> results() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String raw = redis.opsForValue().get(RESULTS_KEY);
        if (raw == null) {
            return out;
        }
        JsonNode root = WireJson.mapper().readTree(raw);
        JsonNode items = root.isArray() ? root : root.path("results");
        for (JsonNode n : items) {
            out.put(n.path("stock_code").asText(), n);
        }
        return out;
    }
}
