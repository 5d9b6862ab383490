package com.primejennie.shared.persistence;

import java.util.Locale;

/** {@code TRADELOG.TRADE_TYPE}: the two values the Python suite writes. */
public enum TradeType {
    BUY, SELL;

    /** Parses a stored value; an unknown one is an error naming it, never silently a BUY or SELL. */
    public static TradeType parse(String stored) {
        if (stored != null) {
            String value = stored.trim().toUpperCase(Locale.ROOT);
            for (TradeType type : values()) {
                if (type.name().equals(value)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("TRADE_TYPE must be BUY or SELL, was '" + stored + "'");
    }
}
