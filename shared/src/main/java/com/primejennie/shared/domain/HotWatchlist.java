package com.primejennie.shared.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The hot watchlist scout publishes for the buy-scanner and price-monitor (spec/llm-dashboard-infra.md §8,
 * spec/control-and-intelligence.md §3.8): a version key {@code hot_watchlist:v{unixSeconds}} holding this JSON (TTL
 * 24 h), then the pointer {@code hot_watchlist:active} set to that key name. Readers GET the pointer, then the version.
 *
 * @param generatedAt    ISO-8601 UTC
 * @param marketRegime   regime at generation, {@code "UNKNOWN"} when not known
 * @param scoreThreshold informational (scout writes 0)
 * @param stocks         sorted by {@code llm_score} descending, {@code rank} 1-based
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HotWatchlist(String generatedAt, String marketRegime, Double scoreThreshold, List<Stock> stocks) {

    /** The pointer key: its value is the name of the current version key. */
    public static final String ACTIVE_KEY = "hot_watchlist:active";
    /** How long a version key lives. */
    public static final Duration VERSION_TTL = Duration.ofDays(1);

    public HotWatchlist {
        stocks = stocks == null ? List.of() : List.copyOf(stocks);
    }

    /** The version key for a watchlist generated at {@code generatedAt}: {@code hot_watchlist:v<epoch seconds>}. */
    public static String versionKey(Instant generatedAt) {
        return "hot_watchlist:v" + generatedAt.getEpochSecond();
    }

    /**
     * One watched stock. The Python scout sends {@code strategies} as {@code []} and never {@code market_flow};
     * since 2026-02-18 (spec/upstream-2026-02-18.md) it writes {@code trade_tier} and {@code hybrid_score}, which
     * this suite's scout writes too. Readers default {@code name} to the code, {@code llm_score} to 0, {@code rank}
     * to 99, {@code is_tradable} to true, {@code strategies} to the scanner's default list, and treat a missing
     * {@code hybrid_score} as the {@code llm_score} (the Python scout's {@code llm_score} is the hybrid score).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stock(String code, String name, Double llmScore, Integer rank, Boolean isTradable,
                        List<StrategyRef> strategies, JsonNode marketFlow, String tradeTier, Double hybridScore) {

        public Stock {
            strategies = strategies == null ? List.of() : List.copyOf(strategies);
        }

        /** What scout writes for one stock: no strategies (the scanner uses its default list). */
        public static Stock scouted(String code, String name, double llmScore, int rank, boolean isTradable,
                                    String tradeTier, double hybridScore) {
            return new Stock(code, name, llmScore, rank, isTradable, List.of(), null, tradeTier, hybridScore);
        }

        /** The hybrid score, or the LLM score where a writer did not send one, or 0. */
        public double hybridScoreOrLlmScore() {
            if (hybridScore != null) {
                return hybridScore;
            }
            return llmScore == null ? 0.0 : llmScore;
        }
    }

    /**
     * A strategy the scanner should evaluate for one stock, as the spec gives it: {@code {"id": "MOMENTUM",
     * "params": {"threshold": 1.5}}} (spec/buy-path.md §2.6 C).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StrategyRef(String id, Map<String, Object> params) {
        public StrategyRef {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("strategy id must not be blank");
            }
            params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }
}
