package com.primejennie.shared.orders;

import java.math.BigDecimal;

/**
 * What {@link OrderService#adopt} did: ACTIVE_PORTFOLIO now holds the broker's quantity and average price of
 * {@code code} (the row is deleted when the broker holds none), and the mismatch on it is cleared.
 */
public record AdoptResult(String code, long previousQuantity, long adoptedQuantity, BigDecimal averagePrice) {
}
