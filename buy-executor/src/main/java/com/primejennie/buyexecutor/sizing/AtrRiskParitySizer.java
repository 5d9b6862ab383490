package com.primejennie.buyexecutor.sizing;

/**
 * ATR risk parity (spec buy-path §3.3): risk a fixed share of total assets per trade, where one share risks
 * {@code ATR × multiplier}; capped by 12% of total and by the cash above the keep ratio, with the "smart skip" when
 * the cash cap would shrink the order below half, and the 5% portfolio-heat brake.
 */
public final class AtrRiskParitySizer {

    /** Hard-coded size cap of total assets (the 18% tier needs an llm score the executor never passes). */
    public static final double CAP_TOTAL_PCT = 12.0;
    public static final double HEAT_LIMIT_PCT = 5.0;
    public static final double SMART_SKIP_RATIO = 0.5;

    /** Inputs of one sizing. */
    public record Input(double cash, double portfolioValue, double price, double atr, double riskPerTradePct,
                        double atrMultiplier, double cashKeepPct, int minQuantity, int maxQuantity) {
    }

    private AtrRiskParitySizer() {
    }

    /** The base quantity before the ratio multipliers (0 = do not buy). */
    public static long baseQuantity(Input in) {
        double total = in.cash() + in.portfolioValue();
        if (total <= 0 || in.price() <= 0) {
            return 0;
        }
        double riskAmount = total * in.riskPerTradePct() / 100.0;
        double riskShare = in.atr() * in.atrMultiplier();
        if (riskShare <= 0) {
            return 0;
        }
        double rawQty = riskAmount / riskShare;
        long floorRaw = (long) Math.floor(rawQty);
        long qty = Math.max(in.minQuantity(), Math.min(in.maxQuantity(), floorRaw));
        double capTotal = total * CAP_TOTAL_PCT / 100.0;
        double capCash = Math.max(0, in.cash() - total * in.cashKeepPct() / 100.0);
        double cap = Math.min(capTotal, capCash);
        if (qty * in.price() > cap) {
            qty = (long) Math.floor(cap / in.price());
            if (cap == capCash && floorRaw > 0 && qty < SMART_SKIP_RATIO * floorRaw) {
                qty = 0;
            }
        }
        if (qty < 1) {
            return 0;
        }
        double riskPct = qty * riskShare / total * 100.0;
        return riskPct > HEAT_LIMIT_PCT ? 0 : qty;
    }

    /**
     * {@code floor(base × ratio)}; a base of at least 1 never rounds down to 0 (spec: "if finalQty &lt; 1 and baseQty
     * ≥ 1, use 1").
     */
    public static long applyRatio(long baseQuantity, double ratio) {
        long q = (long) Math.floor(baseQuantity * ratio);
        if (q < 1 && baseQuantity >= 1) {
            return 1;
        }
        return Math.max(0, q);
    }
}
