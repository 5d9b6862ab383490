package com.primejennie.shared.macro;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;

/**
 * Where {@link MacroContextProvider} reads the Council insight: Redis {@code macro:daily_insight}, else the
 * {@code DAILY_MACRO_INSIGHT} row of the day (as a JSON object with lower-case column names). Shared so that
 * buy-scanner and price-monitor read the same inputs the same way.
 */
public final class MacroInsightSources {

    private MacroInsightSources() {
    }

    /** A provider over Redis and the insight table, rebuilt at most every {@code refresh} of market time. */
    public static MacroContextProvider provider(StringRedisTemplate redis, DataSource dataSource, MarketClock clock,
                                                Duration refresh) {
        return new MacroContextProvider(redis(redis), table(JdbcClient.create(dataSource)), clock, refresh);
    }

    /** Reads {@code macro:daily_insight} (null when absent). */
    public static Supplier<String> redis(StringRedisTemplate redis) {
        return () -> redis.opsForValue().get(MacroContextProvider.INSIGHT_KEY);
    }

    /** The day's {@code DAILY_MACRO_INSIGHT} row as JSON, if any. */
    public static Function<LocalDate, Optional<String>> table(JdbcClient jdbc) {
        return date -> jdbc.sql("SELECT * FROM DAILY_MACRO_INSIGHT WHERE INSIGHT_DATE = ?").param(date)
                .query().listOfRows().stream().findFirst().map(MacroInsightSources::rowJson);
    }

    static String rowJson(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v == null ? null : v instanceof Number ? v
                : v.toString()));
        Object avoid = out.get("strategies_to_avoid");
        if (avoid instanceof String s && !s.isBlank() && !s.trim().startsWith("[")) {
            out.put("strategies_to_avoid", Arrays.asList(s.split(",")));
        }
        return WireJson.mapper().writeValueAsString(out);
    }
}
