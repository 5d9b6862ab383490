package com.primejennie.dashboard.market;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Market regime ({@code market:regime:data}) and the per-stock logic view: sell and buy snapshots, signal history
 * and candles (1m/5m from STOCK_MINUTE_PRICE over the last 3 days, 1d = the last 60 daily rows).
 */
@Service
public class MarketQuery {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MarketClock clock;

    public MarketQuery(StringRedisTemplate redis, JdbcClient jdbc, JsonMapper json, MarketClock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Object regime() {
        JsonNode node = redisJson("market:regime:data");
        if (node == null) {
            return Shape.of("regime", "SIDEWAYS", "confidence", 0.0, "description", "Waiting for Scout analysis...",
                    "updated_at", null);
        }
        return node;
    }

    public Map<String, Object> logic(String code, String timeframe) {
        JsonNode signals = redisJson("logic:signals:" + code);
        return Shape.of("stock_code", code, "snapshot", redisJson("logic:snapshot:" + code),
                "buy_snapshot", redisJson("buy_logic:snapshot:" + code),
                "signal_history", signals != null && signals.isArray() ? signals : List.of(),
                "chart_data", candles(code, timeframe), "timeframe", timeframe);
    }

    List<Map<String, Object>> candles(String code, String timeframe) {
        TreeMap<String, double[]> bars = new TreeMap<>(); // time -> o h l c v
        if (timeframe.equals("1d")) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT PRICE_DATE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, "
                    + "CLOSE_PRICE, VOLUME FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? ORDER BY PRICE_DATE DESC "
                    + "LIMIT 60").param(code).query().listOfRows();
            for (Map<String, Object> r : rows) {
                put(bars, String.valueOf(r.get("PRICE_DATE")), r);
            }
        } else {
            LocalDateTime since = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(3);
            List<Map<String, Object>> rows = jdbc.sql("SELECT PRICE_TIME, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, "
                    + "CLOSE_PRICE, VOLUME FROM STOCK_MINUTE_PRICE WHERE STOCK_CODE = ? AND PRICE_TIME >= ? "
                    + "ORDER BY PRICE_TIME").params(code, since).query().listOfRows();
            for (Map<String, Object> r : rows) {
                LocalDateTime t = ((Timestamp) r.get("PRICE_TIME")).toLocalDateTime();
                if (timeframe.equals("5m")) {
                    t = t.withMinute(t.getMinute() / 5 * 5);
                    String key = t.format(MINUTE);
                    double[] bar = values(r);
                    if (bar == null) {
                        continue;
                    }
                    double[] have = bars.get(key);
                    if (have == null) {
                        bars.put(key, bar);
                    } else {
                        have[1] = Math.max(have[1], bar[1]);
                        have[2] = Math.min(have[2], bar[2]);
                        have[3] = bar[3];
                        have[4] += bar[4];
                    }
                } else {
                    put(bars, t.format(MINUTE), r);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        bars.forEach((time, b) -> out.add(Shape.of("time", time, "open", b[0], "high", b[1], "low", b[2],
                "close", b[3], "volume", (long) b[4])));
        return out;
    }

    private static void put(TreeMap<String, double[]> bars, String time, Map<String, Object> r) {
        double[] bar = values(r);
        if (bar != null) {
            bars.put(time, bar); // a duplicate time keeps the last
        }
    }

    /** o h l c v, or null when any price is missing or not positive (such candles are dropped). */
    private static double[] values(Map<String, Object> r) {
        double[] v = new double[5];
        String[] cols = {"OPEN_PRICE", "HIGH_PRICE", "LOW_PRICE", "CLOSE_PRICE"};
        for (int i = 0; i < 4; i++) {
            Object o = r.get(cols[i]);
            if (o == null || ((Number) o).doubleValue() <= 0) {
                return null;
            }
            v[i] = o instanceof BigDecimal b ? b.doubleValue() : ((Number) o).doubleValue();
        }
        Object vol = r.get("VOLUME");
        v[4] = vol == null ? 0 : ((Number) vol).doubleValue();
        return v;
    }

    private JsonNode redisJson(String key) {
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
