package com.primejennie.shared.persistence;

import java.time.LocalDateTime;

/**
 * One stock of the current Scout selection, a row of {@code WATCHLIST} (shared by both trading modes).
 *
 * @param llmReason    may end with {@code [LLM_METADATA]{json}} carrying llm_grade, trade_tier, ...
 * @param tradeTier    {@code TIER1}, {@code TIER2}, {@code RECON} or {@code BLOCKED} (the column default)
 * @param marketCap    KRW
 * @param llmUpdatedAt naive UTC
 * @param createdAt    naive UTC (null before insert)
 */
public record WatchlistEntry(String stockCode, String stockName, boolean tradable, String tradeTier,
                             Double llmScore, String llmReason, LocalDateTime llmUpdatedAt, Double per, Double pbr,
                             Double roe, Long marketCap, Double salesGrowth, Double epsGrowth,
                             LocalDateTime financialUpdatedAt, LocalDateTime createdAt) {

    /** The column default of {@code TRADE_TIER}. */
    public static final String BLOCKED = "BLOCKED";

    public WatchlistEntry {
        Rows.requireCode(stockCode);
        tradeTier = tradeTier == null || tradeTier.isBlank() ? BLOCKED : tradeTier;
    }
}
