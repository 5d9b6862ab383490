package com.primejennie.shared.persistence;

import java.time.LocalDate;

/**
 * One completed session of one stock, a row of {@code STOCK_DAILY_PRICES_3Y}. KRX prices are whole won (the column
 * is DECIMAL(15,2) and holds {@code .00}).
 *
 * @param priceDate the session date (KST calendar day)
 */
public record DailyPrice(String stockCode, LocalDate priceDate, long openPrice, long highPrice, long lowPrice,
                         long closePrice, long volume) {

    public DailyPrice {
        Rows.requireCode(stockCode);
        if (priceDate == null) {
            throw new IllegalArgumentException("daily price of " + stockCode + " needs a date");
        }
    }
}
