package com.primejennie.shared.orders;

import java.util.Locale;

/**
 * Which book an order belongs to: trading mode (REAL or MOCK) and KIS account. Every Redis key of the order service
 * starts with {@link #prefix()}, so mock and real intents with the same key, or two accounts, never collide; the
 * ledger tables follow the mode ({@code ORDER_LEDGER} / {@code ORDER_LEDGER_MOCK}).
 */
public record OrderScope(String tradingMode, String account) {

    public OrderScope {
        String mode = tradingMode == null ? "" : tradingMode.trim().toUpperCase(Locale.ROOT);
        if (!mode.equals("REAL") && !mode.equals("MOCK")) {
            throw new IllegalArgumentException("trading mode must be REAL or MOCK, was '" + tradingMode + "'");
        }
        tradingMode = mode;
        account = account == null || account.isBlank() ? "none" : account.trim();
    }

    public boolean mock() {
        return tradingMode.equals("MOCK");
    }

    /** {@code orders:<mode>:<account>:} */
    public String prefix() {
        return "orders:" + tradingMode.toLowerCase(Locale.ROOT) + ":" + account + ":";
    }

    public String ledgerTable() {
        return mock() ? "ORDER_LEDGER_MOCK" : "ORDER_LEDGER";
    }

    public String fillTable() {
        return mock() ? "ORDER_FILL_MOCK" : "ORDER_FILL";
    }
}
