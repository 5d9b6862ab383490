package com.primejennie.pricemonitor.exits.state;

/**
 * One position's exit state (spec §1.8): high watermark, ladder level, one-shot RSI flag. Cleared only when the
 * position is fully closed, never after a partial sale (spec §6.2 [REC]).
 *
 * @param buyPrice the buy price the watermark belongs to (a change of more than 1 KRW is a new position)
 */
public record PositionExitState(double highPrice, double buyPrice, int scaleOutLevel, boolean rsiSold) {

    public static PositionExitState fresh(double buyPrice) {
        return new PositionExitState(buyPrice, buyPrice, 0, false);
    }

    /**
     * The watermark after a tick at {@code price} for a position bought at {@code buy}: a different buy price
     * (averaging down) or a high below the buy price restarts at max(buy, price); then high = max(high, price).
     */
    public PositionExitState withTick(double buy, double price) {
        double high = highPrice;
        if (Math.abs(buyPrice - buy) > 1.0 || high < buy) {
            high = Math.max(buy, price);
        }
        high = Math.max(high, price);
        return new PositionExitState(high, buy, scaleOutLevel, rsiSold);
    }

    public PositionExitState withScaleOutLevel(int level) {
        return new PositionExitState(highPrice, buyPrice, level, rsiSold);
    }

    public PositionExitState withRsiSold() {
        return new PositionExitState(highPrice, buyPrice, scaleOutLevel, true);
    }
}
