package com.primejennie.shared.domain;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The dynamic sector budget scout-job writes to {@code sector_budget:active} (JSON, 24 h TTL;
 * spec/upstream-2026-02-18.md "Dynamic sector budget"): per sector group its tier and caps. The buy-executor's
 * portfolio guard reads {@link Group#portfolioCap()} for the group of a candidate's sector, falling back to
 * {@code MAX_SECTOR_STOCKS} when the key, the group or the whole budget is missing.
 *
 * @param generatedAt ISO-8601 UTC
 * @param groups      group name (from the shared sector → group mapping) → its budget
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SectorBudget(String generatedAt, Map<String, Group> groups) {

    /** The Redis key. */
    public static final String KEY = "sector_budget:active";
    /** How long the key lives. */
    public static final Duration TTL = Duration.ofHours(24);

    public SectorBudget {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /** A group's tier by the percentile rules of the upstream page. */
    public enum Tier {
        HOT, WARM, COOL
    }

    /**
     * One group's budget.
     *
     * @param tier          HOT, WARM or COOL
     * @param watchlistCap  how many of the group's stocks the watchlist may hold (HOT 5, WARM 3, COOL 2)
     * @param portfolioCap  how many the portfolio may hold (HOT 5, WARM 3, COOL 2)
     * @param avgReturnPct  the group's stock-count-weighted average return that chose the tier
     * @param stockCount    how many stocks the average is over
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(Tier tier, Integer watchlistCap, Integer portfolioCap, Double avgReturnPct,
                        Integer stockCount) {
    }
}
