package com.primejennie.shared.orders;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The net profit of record of a sell, from the ledger (TRADELOG): after the buy fee on the cost, the sell fee and the
 * sell tax.
 *
 * @param amount net profit in KRW
 * @param pct    net profit as a percentage of the cost (average buy price x quantity), two decimals
 */
public record NetProfit(long amount, BigDecimal pct) {

    /** The 손익 line of a sell's Telegram message, e.g. {@code 손익: +12,345원 (+1.23%) (수수료·세금 차감)}. */
    public String koreanLine() {
        return "손익: " + String.format(Locale.US, "%+,d", amount) + "원"
                + (pct == null ? "" : String.format(Locale.ROOT, " (%+.2f%%)", pct)) + " (수수료·세금 차감)";
    }
}
