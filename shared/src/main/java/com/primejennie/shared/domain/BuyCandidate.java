package com.primejennie.shared.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One stock a {@link BuySignal} proposes (spec/buy-path.md §1.3). The scanner fills every field and duplicates
 * {@code code}/{@code stock_code} and {@code name}/{@code stock_name}; the Telegram producer sends only the
 * {@code stock_*} pair, a price, {@code llm_reason} and {@code manual_quantity}. Use {@link #effectiveCode()} and
 * {@link #effectiveName()} instead of picking one spelling.
 *
 * <p>{@code trade_tier} is always written (as {@code null} when unknown), as the scanner does; every other absent field
 * is omitted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuyCandidate(
        String code,
        String name,
        String stockCode,
        String stockName,
        String buySignalType,
        KeyMetrics keyMetricsDict,
        Double currentPrice,
        Double llmScore,
        Boolean isTradable,
        @JsonInclude(JsonInclude.Include.ALWAYS) String tradeTier,
        Boolean isSuperPrime,
        Double factorScore,
        RiskSetting riskSetting,
        Integer manualQuantity,
        String llmReason,
        String llmScoredAt,
        StockInfo stockInfo) {

    /** The nested {@code stock_info} some producers send; only {@code llm_scored_at} is read from it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockInfo(@JsonProperty("llm_scored_at") String llmScoredAt) {
    }

    /** {@code stock_code}, else {@code code}. */
    @JsonIgnore
    public String effectiveCode() {
        return stockCode != null && !stockCode.isBlank() ? stockCode : code;
    }

    /** {@code stock_name}, else {@code name}, else the code (as the scanner falls back). */
    @JsonIgnore
    public String effectiveName() {
        if (stockName != null && !stockName.isBlank()) {
            return stockName;
        }
        return name != null && !name.isBlank() ? name : effectiveCode();
    }

    /** When the LLM score was computed: {@code stock_info.llm_scored_at}, else {@code llm_scored_at}. */
    @JsonIgnore
    public String effectiveLlmScoredAt() {
        if (stockInfo != null && stockInfo.llmScoredAt() != null) {
            return stockInfo.llmScoredAt();
        }
        return llmScoredAt;
    }
}
