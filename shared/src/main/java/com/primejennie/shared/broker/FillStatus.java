package com.primejennie.shared.broker;

import java.math.BigDecimal;

import com.primejennie.shared.kis.OrderSide;

/** How much of an order has been executed and at what average price (KIS inquire-daily-ccld). */
public record FillStatus(String orderNo, String code, OrderSide side, long orderedQuantity, long filledQuantity,
                         BigDecimal averagePrice, long remainingQuantity, boolean cancelled) {

    public boolean fullyFilled() {
        return filledQuantity > 0 && remainingQuantity == 0;
    }
}
