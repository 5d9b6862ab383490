package com.primejennie.shared.persistence;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One held position, a row of {@code ACTIVE_PORTFOLIO[_MOCK]} (deleted when fully sold).
 *
 * @param averageBuyPrice  KRW per share; not necessarily integral after averaging
 * @param totalBuyAmount   cost basis in KRW ({@code quantity × averageBuyPrice})
 * @param currentHighPrice highest price seen since the buy, whole KRW (null when never set)
 * @param stopLossPrice    KRW, derived from the buy price (null when unset)
 * @param createdAt        naive UTC, as the Python suite writes it
 * @param updatedAt        naive UTC
 */
public record Position(String stockCode, String stockName, int quantity, BigDecimal averageBuyPrice,
                       BigDecimal totalBuyAmount, Long currentHighPrice, BigDecimal stopLossPrice,
                       LocalDateTime createdAt, LocalDateTime updatedAt) {
}
