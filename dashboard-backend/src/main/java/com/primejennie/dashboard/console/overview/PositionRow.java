package com.primejennie.dashboard.console.overview;

import java.math.BigDecimal;

/**
 * One held position as the overview shows it.
 *
 * @param live whether {@code currentPrice} is a live price (false: the average price stands in)
 */
public record PositionRow(String code, String name, int quantity, BigDecimal averagePrice, long currentPrice,
                          boolean live, long profit, BigDecimal profitRate, long value) {
}
