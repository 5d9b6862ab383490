package com.primejennie.pricemonitor.exits.rules;

/**
 * What an exit rule decided: the exit kind (the order service's {@code SellKey} exit kind, so a stop-loss is never
 * swallowed by an earlier partial), the reason text (an API: the executor and dashboards parse it) and the share.
 *
 * @param kind            e.g. {@code STOP_LOSS}, {@code ATR_STOP}, {@code SCALE_OUT_L2}
 * @param reason          the exact Python reason string
 * @param quantityPct     percent of the remaining position to sell (100 = full exit)
 * @param scaleOutLevel   the ladder level to store when this signal goes out, or 0 when it does not move the ladder
 * @param marksRsiSold    whether the one-shot RSI flag is set when this signal goes out
 */
public record ExitSignal(String kind, String reason, double quantityPct, int scaleOutLevel, boolean marksRsiSold) {

    public static ExitSignal full(String kind, String reason) {
        return new ExitSignal(kind, reason, 100.0, 0, false);
    }

    public boolean isFullExit() {
        return quantityPct >= 100.0;
    }

    /** Shares to sell out of {@code held}: {@code int(held × pct/100)}, at least 1 (spec §1.7). */
    public long quantityOf(long held) {
        long q = (long) (held * quantityPct / 100.0);
        return Math.max(1, Math.min(q, held));
    }
}
