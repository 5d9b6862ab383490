package com.primejennie.shared.kis;

/**
 * An order to place: {@code limitPrice} 0 means a market order ({@code ORD_DVSN} 01), otherwise a limit order
 * ({@code ORD_DVSN} 00) at that price.
 */
public record OrderRequest(String code, OrderSide side, long quantity, long limitPrice) {

    public OrderRequest {
        if (code == null || !code.matches("[0-9A-Z]{6}")) {
            throw new IllegalArgumentException("stock code must be 6 characters, got '" + code + "'");
        }
        if (side == null) {
            throw new IllegalArgumentException("order side is required for " + code);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be > 0 for " + code + ", got " + quantity);
        }
        if (limitPrice < 0) {
            throw new IllegalArgumentException("limit price must be >= 0 for " + code + ", got " + limitPrice);
        }
    }

    public static OrderRequest market(String code, OrderSide side, long quantity) {
        return new OrderRequest(code, side, quantity, 0);
    }

    public static OrderRequest limit(String code, OrderSide side, long quantity, long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("a limit order needs a price > 0, got " + price);
        }
        return new OrderRequest(code, side, quantity, price);
    }

    public boolean isMarket() {
        return limitPrice == 0;
    }
}
