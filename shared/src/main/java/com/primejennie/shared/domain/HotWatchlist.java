package com.primejennie.shared.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
     * One watched stock. Scout sends {@code strategies} as {@code []} and never {@code market_flow} or
     * {@code trade_tier}; readers default {@code name} to the code, {@code llm_score} to 0, {@code rank} to 99 and
     * {@code is_tradable} to true.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stock(String code, String name, Double llmScore, Integer rank, Boolean isTradable,
                        List<String> strategies, JsonNode marketFlow, String tradeTier) {

        /** What scout writes for one stock. */
        public static Stock scouted(String code, String name, double llmScore, int rank, boolean isTradable) {
            return new Stock(code, name, llmScore, rank, isTradable, List.of(), null, null);
        }
    }
}
