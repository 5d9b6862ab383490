package com.primejennie.shared.orders;

/** Market ({@code ORD_DVSN} 01) or limit ({@code ORD_DVSN} 00) order. */
public enum OrderType {
    MARKET, LIMIT
}
