package com.primejennie.shared.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The message on {@code stream:buy-signals} (field {@code payload}), spec/buy-path.md §1.3: the buy-scanner's
 * detected signal (exactly one candidate) or a manual Telegram buy (spec/control-and-intelligence.md §1.5), which
 * adds {@code strategy_preset}, {@code manual_quantity}, {@code dry_run} (ignored by the executor), {@code user} and
 * {@code requested_at}. Absent fields are omitted when written; unknown ones are ignored when read.
 *
 * @param scanTimestamp ISO-8601 UTC detection time ({@code +00:00}), see {@link WireTime}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuySignal(
        List<BuyCandidate> candidates,
        String marketRegime,
        String scanTimestamp,
        String source,
        RiskSetting riskSetting,
        StrategyPreset strategyPreset,
        Integer manualQuantity,
        String llmReason,
        String llmScoredAt,
        Boolean dryRun,
        String user,
        String requestedAt) {

    /** The stream the executor consumes. */
    public static final String STREAM = "stream:buy-signals";
    /** {@code source} of the buy-scanner. */
    public static final String SOURCE_SCANNER = "buy_scanner_websocket";
    /** {@code source} of a manual Telegram buy, which a pause (not a stop) lets through. */
    public static final String SOURCE_TELEGRAM_MANUAL = "telegram-manual";

    public BuySignal {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The scanner's message: one candidate, its risk setting repeated at the top level. */
    public static BuySignal fromScanner(BuyCandidate candidate, String marketRegime, String scanTimestamp) {
        return new BuySignal(List.of(candidate), marketRegime, scanTimestamp, SOURCE_SCANNER, candidate.riskSetting(),
                null, null, null, null, null, null, null);
    }

    /** Whether a human sent it through Telegram. */
    @JsonIgnore
    public boolean isManual() {
        return SOURCE_TELEGRAM_MANUAL.equals(source);
    }
}
