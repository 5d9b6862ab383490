package com.primejennie.shared.persistence;

import java.time.LocalDateTime;

/**
 * One executed (or dry-run) trade, a row of {@code TRADELOG[_MOCK]}. Realised PnL lives only inside
 * {@code keyMetricsJson.profit_amount}, as in the Python suite.
 *
 * @param logId             generated id; null before insert
 * @param price             whole KRW per share (the signal price, as the Python suite records it)
 * @param tradeTimestamp    naive UTC
 * @param strategySignal    at most 100 characters (longer values are truncated on insert)
 * @param keyMetricsJson    JSON text, or null
 * @param marketContextJson JSON text, or null
 */
public record TradeLogEntry(Long logId, String stockCode, TradeType tradeType, int quantity, long price,
                            String reason, LocalDateTime tradeTimestamp, String strategySignal,
                            String keyMetricsJson, String marketContextJson) {

    /** A new entry to insert. */
    public static TradeLogEntry of(String stockCode, TradeType type, int quantity, long price, String reason,
                                   LocalDateTime tradeTimestampUtc, String strategySignal, String keyMetricsJson,
                                   String marketContextJson) {
        return new TradeLogEntry(null, stockCode, type, quantity, price, reason, tradeTimestampUtc, strategySignal,
                keyMetricsJson, marketContextJson);
    }
}
