package com.primejennie.dashboard.insight;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily briefing, council daily review and macro insight (spec §2.3/§2.4): the Redis copy when present, else the
 * MariaDB row, else a placeholder with every field the pages read. Unlike the Python dashboard, the macro endpoint
 * never writes its DB-shaped copy back into {@code macro:daily_insight} (it overwrote the council's own format)
 * [QUIRK, fixed].
 */
@Service
public class InsightQuery {

    private static final Logger log = LoggerFactory.getLogger(InsightQuery.class);

    static final Set<String> JSON_COLUMNS = Set.of("SECTOR_SIGNALS", "KEY_THEMES", "RISK_FACTORS",
            "OPPORTUNITY_FACTORS", "KEY_STOCKS", "RISK_STOCKS", "OPPORTUNITY_STOCKS", "STRATEGIES_TO_FAVOR",
            "STRATEGIES_TO_AVOID", "SECTORS_TO_FAVOR", "SECTORS_TO_AVOID");
    static final Set<String> HIDDEN_COLUMNS = Set.of("ID", "RAW_MESSAGE", "RAW_COUNCIL_OUTPUT", "UPDATED_AT");

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public InsightQuery(StringRedisTemplate redis, JdbcClient jdbc, JsonMapper json) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.json = json;
    }

    public Object briefing() {
        try {
            Optional<JsonNode> cached = redisJson("daily:briefing:latest");
            if (cached.isPresent()) {
                return cached.get();
            }
            List<Map<String, Object>> rows = jdbc.sql("SELECT REPORT_DATE, CONTENT, CREATED_AT FROM "
                    + "DAILY_BRIEFING_LOG ORDER BY REPORT_DATE DESC, ID DESC LIMIT 1").query().listOfRows();
            if (rows.isEmpty()) {
                return Shape.of("date", null, "content", "아직 생성된 브리핑이 없습니다.", "market_summary", null,
                        "trades_summary", null, "generated_at", null);
            }
            Map<String, Object> r = rows.get(0);
            return Shape.of("date", String.valueOf(r.get("REPORT_DATE")), "content", r.get("CONTENT"),
                    "market_summary", null, "trades_summary", null, "generated_at", iso(r.get("CREATED_AT")));
        } catch (RuntimeException e) {
            log.warn("briefing unreadable: {}", e.getMessage());
            return Shape.of("content", "조회 실패: " + e.getMessage(), "date", null, "error", e.getMessage());
        }
    }

    public List<String> macroDates() {
        return jdbc.sql("SELECT INSIGHT_DATE FROM DAILY_MACRO_INSIGHT ORDER BY INSIGHT_DATE DESC LIMIT 30")
                .query((rs, i) -> rs.getDate(1).toLocalDate().toString()).list();
    }

    public Object macroInsight(LocalDate date) {
        if (date == null) {
            Optional<JsonNode> cached = redisJson("macro:daily_insight");
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Optional<Map<String, Object>> row = insightRow(date);
        if (row.isEmpty()) {
            return Shape.of("insight_date", null, "message", date == null ? "매크로 인사이트가 아직 없습니다."
                            : date + " 매크로 인사이트가 없습니다.", "sentiment", null, "sentiment_score", null,
                    "position_size_pct", 100, "stop_loss_adjust_pct", 100, "political_risk_level", "unknown");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        row.get().forEach((column, value) -> {
            String c = column.toUpperCase(Locale.ROOT);
            if (HIDDEN_COLUMNS.contains(c)) {
                return;
            }
            Object v = value;
            if (JSON_COLUMNS.contains(c)) {
                v = parseJson(value, c.equals("SECTOR_SIGNALS"));
            } else if (value instanceof Timestamp || value instanceof java.time.LocalDateTime) {
                v = iso(value);
            } else if (value instanceof java.sql.Date || value instanceof LocalDate) {
                v = value.toString();
            }
            out.put(c.toLowerCase(Locale.ROOT), v);
        });
        out.putIfAbsent("position_size_pct", 100);
        if (out.get("position_size_pct") == null) {
            out.put("position_size_pct", 100);
        }
        if (out.get("stop_loss_adjust_pct") == null) {
            out.put("stop_loss_adjust_pct", 100);
        }
        if (out.get("political_risk_level") == null) {
            out.put("political_risk_level", "low");
        }
        return out;
    }

    public Object councilReview() {
        Optional<JsonNode> cached = redisJson("council:daily:review");
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<Map<String, Object>> row = jdbc.sql("SELECT * FROM DAILY_MACRO_INSIGHT WHERE RAW_COUNCIL_OUTPUT IS "
                + "NOT NULL ORDER BY INSIGHT_DATE DESC LIMIT 1").query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Shape.of("date", null, "sages", sages("아직 리뷰가 없습니다.", "아직 리뷰가 없습니다.",
                    "아직 리뷰가 없습니다."), "consensus", null, "action_items", List.of(), "generated_at", null,
                    "message", "아직 생성된 위원회 리뷰가 없습니다.");
        }
        Map<String, Object> r = upper(row.get());
        JsonNode raw = parseTree(r.get("RAW_COUNCIL_OUTPUT"));
        String strategist = text(raw, "strategist", String.valueOf(r.getOrDefault("TRADING_REASONING", "")));
        String risk = text(raw, "risk_analyst", String.valueOf(r.getOrDefault("POLITICAL_RISK_SUMMARY", "")));
        String judge = text(raw, "chief_judge", String.valueOf(r.getOrDefault("TRADING_REASONING", "")));
        List<Object> actions = new ArrayList<>();
        Object favour = parseJson(r.get("STRATEGIES_TO_FAVOR"), false);
        if (favour instanceof List<?> list) {
            list.stream().limit(5).forEach(actions::add);
        }
        return Shape.of("date", String.valueOf(r.get("INSIGHT_DATE")), "sages", sages(strategist, risk, judge),
                "consensus", raw.path("council_consensus").isMissingNode() ? r.get("SENTIMENT")
                        : raw.path("council_consensus").asString(),
                "action_items", actions, "generated_at", iso(r.get("CREATED_AT")));
    }

    private static List<Map<String, Object>> sages(String jennie, String minji, String junho) {
        return List.of(Shape.of("name", "Jennie", "role", "Strategist", "icon", "👑", "review", jennie),
                Shape.of("name", "Minji", "role", "Risk Analyst", "icon", "🛡️", "review", minji),
                Shape.of("name", "Junho", "role", "Chief Judge", "icon", "⚖️", "review", junho));
    }

    private Optional<Map<String, Object>> insightRow(LocalDate date) {
        if (date == null) {
            return jdbc.sql("SELECT * FROM DAILY_MACRO_INSIGHT ORDER BY INSIGHT_DATE DESC LIMIT 1").query()
                    .listOfRows().stream().findFirst();
        }
        return jdbc.sql("SELECT * FROM DAILY_MACRO_INSIGHT WHERE INSIGHT_DATE = ?").param(date).query()
                .listOfRows().stream().findFirst();
    }

    private Optional<JsonNode> redisJson(String key) {
        try {
            String text = redis.opsForValue().get(key);
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(json.readTree(text));
        } catch (RuntimeException e) {
            log.warn("{} unreadable: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private Object parseJson(Object value, boolean object) {
        JsonNode node = parseTree(value);
        if (node.isMissingNode() || node.isNull()) {
            return object ? Map.of() : List.of();
        }
        return json.convertValue(node, Object.class);
    }

    private JsonNode parseTree(Object value) {
        if (value == null) {
            return json.missingNode();
        }
        try {
            return json.readTree(value.toString());
        } catch (RuntimeException e) {
            return json.missingNode();
        }
    }

    private static String text(JsonNode raw, String field, String fallback) {
        JsonNode v = raw.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        return v.isString() ? v.asString() : v.toString();
    }

    private static Map<String, Object> upper(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        row.forEach((k, v) -> m.put(k.toUpperCase(Locale.ROOT), v));
        return m;
    }

    static String iso(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return value.toString();
    }
}
