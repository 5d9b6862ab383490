package com.primejennie.shared.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * A candidate's {@code key_metrics_dict} (spec/buy-path.md §1.3): why the signal fired, for logs, Telegram and the
 * ledger. The scanner sends {@code signal}, {@code reason}, {@code source}; the TIER2 fields come from other producers
 * and are passed through as they arrive (their element shape is not specified).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyMetrics(
        String signal,
        String reason,
        String source,
        @JsonProperty("tier2_met_count") Integer tier2MetCount,
        @JsonProperty("tier2_conditions_met") JsonNode tier2ConditionsMet,
        @JsonProperty("tier2_conditions_failed") JsonNode tier2ConditionsFailed) {

    /** What the buy-scanner writes: source {@code realtime_websocket}. */
    public static KeyMetrics realtime(String signal, String reason) {
        return new KeyMetrics(signal, reason, "realtime_websocket", null, null, null);
    }
}
