package com.primejennie.shared.orders;

import java.math.BigDecimal;

/**
 * The net profit of record of a sell, from the ledger (TRADELOG): after the buy fee on the cost, the sell fee and the
 * sell tax.
 *
 * @param amount net profit in KRW
 * @param pct    net profit as a percentage of the cost (average buy price x quantity), two decimals
 */
public record NetProfit(long amount, BigDecimal pct) {
}
