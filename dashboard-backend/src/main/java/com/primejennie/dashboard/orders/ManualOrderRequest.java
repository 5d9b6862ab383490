package com.primejennie.dashboard.orders;

/**
 * The body of {@code POST /api/portfolio/order}, as the old front end sends it.
 *
 * @param price     the limit price for a LIMIT order (KRW); ignored for MARKET (0 = none)
 * @param side      BUY or SELL
 * @param orderType LIMIT or MARKET (JSON {@code order_type})
 */
public record ManualOrderRequest(String stock_code, Integer quantity, Long price, String side, String order_type) {
}
