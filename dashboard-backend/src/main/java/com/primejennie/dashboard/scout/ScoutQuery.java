package com.primejennie.dashboard.scout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scout pipeline progress ({@code scout:pipeline:status}) and results ({@code scout:pipeline:results}). */
@Service
public class ScoutQuery {

    private static final Logger log = LoggerFactory.getLogger(ScoutQuery.class);

    public static final String STATUS_KEY = "scout:pipeline:status";
    public static final String RESULTS_KEY = "scout:pipeline:results";

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public ScoutQuery(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public Map<String, Object> status() {
        Map<Object, Object> h;
        try {
            h = redis.opsForHash().entries(STATUS_KEY);
        } catch (RuntimeException e) {
            log.warn("scout status unreadable: {}", e.getMessage());
            return Shape.of("status", "unknown", "message", "Redis unavailable: " + e.getMessage());
        }
        Map<String, String> s = new HashMap<>();
        h.forEach((k, v) -> s.put(k.toString(), v == null ? null : v.toString()));
        return Shape.of("phase", (int) number(s.get("phase")), "phase_name", s.getOrDefault("phase_name", "대기"),
                "status", s.getOrDefault("status", "idle"), "progress", number(s.get("progress")),
                "current_stock", s.get("current_stock"),
                "total_candidates", (int) number(s.get("total_candidates")),
                "passed_phase1", (int) number(s.get("passed_phase1")),
                "passed_phase2", (int) number(s.get("passed_phase2")),
                "final_selected", (int) number(s.get("final_selected")), "last_updated", s.get("last_updated"));
    }

    /** The raw result entries (for the LLM decision counts too). */
    public List<JsonNode> rawResults() {
        String text = redis.opsForValue().get(RESULTS_KEY);
        List<JsonNode> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try {
            JsonNode node = json.readTree(text);
            if (node.isArray()) {
                node.forEach(out::add);
            }
        } catch (RuntimeException e) {
            log.warn("{} is not a JSON list: {}", RESULTS_KEY, e.getMessage());
        }
        return out;
    }

    public Map<String, Object> results() {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode r : rawResults()) {
            results.add(Shape.of("stock_code", text(r, "stock_code"), "stock_name", text(r, "stock_name"),
                    "grade", text(r, "grade"), "final_score", r.path("final_score").asDouble(0),
                    "selected", r.path("selected").asBoolean(false), "judge_reason", text(r, "judge_reason")));
        }
        return Shape.of("results", results);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static double number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
