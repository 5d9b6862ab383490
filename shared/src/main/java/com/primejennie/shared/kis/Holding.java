package com.primejennie.shared.kis;

import java.math.BigDecimal;

/** A stock held in the account (inquire-balance {@code output1}, quantity above zero only). */
public record Holding(String code, String name, long quantity, BigDecimal averagePrice, long currentPrice) {
}
