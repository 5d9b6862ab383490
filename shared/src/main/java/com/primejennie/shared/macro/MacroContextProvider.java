package com.primejennie.shared.macro;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * Keeps the macro {@link TradingContext} fresh (one implementation for buy-scanner's macro gate and risk setting and
 * price-monitor's exit stop multiplier, spec/sell-path-and-broker.md §1.5): rebuilt at most every {@code refresh} (spec: 30 min) from the Council
 * insight in Redis ({@code macro:daily_insight}), else today's {@code DAILY_MACRO_INSIGHT} row. With neither, the
 * spec's neutral defaults apply (level 0). The global snapshot table ({@code ENHANCED_MACRO_SNAPSHOT}) is not part of
 * this schema, so the VIX comes from the insight's {@code vix_value}/{@code vix_regime}. When the sources cannot be
 * read, the last context is kept; with none yet, {@link #current()} is empty (the macro gate then passes and the
 * risk setting says {@code NORMAL}, as in Python).
 */
public final class MacroContextProvider {

    /** The Redis key of the Council daily insight. */
    public static final String INSIGHT_KEY = "macro:daily_insight";

    private static final Logger log = LoggerFactory.getLogger(MacroContextProvider.class);

    private final Supplier<String> redisInsight;
    private final Function<java.time.LocalDate, Optional<String>> dbInsight;
    private final MarketClock clock;
    private final Duration refresh;
    private volatile TradingContext context;
    private volatile Instant builtAt;
    private volatile boolean lastRefreshFailed;

    /**
     * @param redisInsight reads {@code macro:daily_insight} (null when absent)
     * @param dbInsight    today's insight row as a JSON object with the lower-case column names, if any
     */
    public MacroContextProvider(Supplier<String> redisInsight,
                                Function<java.time.LocalDate, Optional<String>> dbInsight, MarketClock clock,
                                Duration refresh) {
        this.redisInsight = redisInsight;
        this.dbInsight = dbInsight;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The current context, rebuilt when older than the refresh interval. */
    public Optional<TradingContext> current() {
        Instant now = clock.instant();
        if (builtAt == null || !now.isBefore(builtAt.plus(refresh))) {
            refreshNow();
        }
        return Optional.ofNullable(context);
    }

    /** Rebuilds the context now. */
    public synchronized void refreshNow() {
        try {
            String json = redisInsight.get();
            if (json == null) {
                json = dbInsight.apply(clock.today()).orElse(null);
            }
            MacroInputs inputs = json == null ? MacroInputs.none() : parse(json);
            context = TradingContextCalculator.compute(inputs);
            builtAt = clock.instant();
            lastRefreshFailed = false;
        } catch (RuntimeException e) {
            log.warn("macro trading context not refreshed ({}); keeping {}", e.getMessage(), context);
            builtAt = clock.instant();
            lastRefreshFailed = true;
        }
    }

    /** The context as last built, without refreshing (for hot paths that must not wait on Redis or MariaDB). */
    public Optional<TradingContext> cached() {
        return Optional.ofNullable(context);
    }

    /** Whether the last refresh could not read its sources (the context, if any, is then an older one). */
    public boolean lastRefreshFailed() {
        return lastRefreshFailed;
    }

    static MacroInputs parse(String json) {
        JsonNode node = WireJson.mapper().readTree(json);
        return new MacroInputs(number(node, "vix_value"), text(node, "vix_regime"), number(node, "treasury_spread"),
                number(node, "sentiment_score"), number(node, "korea_news_sentiment"),
                text(node, "political_risk_level"), number(node, "position_size_pct"),
                number(node, "stop_loss_adjust_pct"), list(node.get("strategies_to_avoid")));
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.valueOf(v.asString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> list(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isString()) {
            String s = v.asString().trim();
            if (s.startsWith("[")) {
                return list(WireJson.mapper().readTree(s));
            }
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        for (JsonNode e : v) {
            out.add(e.asString());
        }
        return out;
    }
}
