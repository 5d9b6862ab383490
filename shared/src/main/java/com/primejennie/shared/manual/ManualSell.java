package com.primejennie.shared.manual;

import java.util.Objects;

/**
 * A manual (market) sell the operator asked for, already checked against the holding.
 *
 * @param quantity shares (&gt; 0)
 */
public record ManualSell(ManualActor actor, String stockCode, String stockName, int quantity) {

    public ManualSell {
        Objects.requireNonNull(actor, "actor");
        requireCode(stockCode);
        stockName = stockName == null || stockName.isBlank() ? stockCode : stockName;
        if (quantity <= 0) {
            throw new IllegalArgumentException("manual sell of " + stockCode + " needs a quantity > 0, got "
                    + quantity);
        }
    }

    static void requireCode(String code) {
        if (code == null || !code.matches("[0-9A-Z]{6}")) {
            throw new IllegalArgumentException("stock code must be 6 characters (digits or capitals), got '" + code
                    + "'");
        }
    }
}
