package com.primejennie.shared.kis;

import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * One of today's orders with its fills (inquire-daily-ccld {@code output1}). "Filled" means something was executed
 * and nothing remains; the average price is {@code avg_prvs}, or {@code tot_ccld_amt / tot_ccld_qty} when KIS gives 0.
 */
public record DailyOrder(String orderNo, String branchNo, String originalOrderNo, String code, String name,
                         OrderSide side, long orderQuantity, long orderPrice, LocalTime orderTime,
                         long filledQuantity, BigDecimal averagePrice, long filledAmount, long remainingQuantity,
                         boolean cancelled, long rejectedQuantity) {

    public boolean fullyFilled() {
        return filledQuantity > 0 && remainingQuantity == 0;
    }
}
