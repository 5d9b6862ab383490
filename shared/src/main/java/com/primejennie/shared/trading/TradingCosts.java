package com.primejennie.shared.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Brokerage fee and sell-side tax, in one place for kis-sim, the executors, the order service and the dashboard.
 * Defaults: KIS's online brokerage fee 0.015 % on both sides, and the 2026 KRX securities transaction tax 0.20 % on
 * sells (KOSPI 0.05 % + rural special tax 0.15 %; KOSDAQ 0.20 %). Amounts are whole won, fee and tax floored as the
 * broker does.
 *
 * @param feeRate     fraction of the traded amount, both sides (0.00015 = 0.015 %)
 * @param sellTaxRate fraction of a sell's amount (0.0020 = 0.20 %)
 */
public record TradingCosts(BigDecimal feeRate, BigDecimal sellTaxRate) {

    /** The defaults above. */
    public static final TradingCosts DEFAULT = new TradingCosts(new BigDecimal("0.00015"), new BigDecimal("0.0020"));

    public TradingCosts {
        if (feeRate == null || feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("fee rate must be in [0, 1): " + feeRate);
        }
        if (sellTaxRate == null || sellTaxRate.signum() < 0 || sellTaxRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("sell tax rate must be in [0, 1): " + sellTaxRate);
        }
    }

    /** The brokerage fee on a trade of {@code amount} won, floored to the won. */
    public long fee(long amount) {
        return feeRate.multiply(BigDecimal.valueOf(amount)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The tax on a sell of {@code amount} won, floored to the won (buys pay none). */
    public long sellTax(long amount) {
        return sellTaxRate.multiply(BigDecimal.valueOf(amount)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
