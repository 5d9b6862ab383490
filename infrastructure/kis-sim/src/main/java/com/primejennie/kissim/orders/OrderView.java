package com.primejennie.kissim.orders;

import java.time.LocalDate;
import java.time.LocalTime;

/** An immutable picture of an {@link Order}, for the REST answers and the admin API. */
public record OrderView(String odno, String orgNo, String originalOdno, String cano, String code, String name,
                        Side side, OrderType type, long quantity, long price, LocalDate date, LocalTime time,
                        boolean cancel, long filledQty, long filledAmount, long cancelledQty, long remaining,
                        boolean expired) {

    /** Average fill price, 0 when nothing filled. */
    public long averagePrice() {
        return filledQty == 0 ? 0 : Math.round((double) filledAmount / filledQty);
    }
}
