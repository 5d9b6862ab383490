package com.primejennie.scoutjob.scout.regime;

/** The five regimes of the Python detector, written to {@code market:regime:data}. */
public enum MarketRegime {
    STRONG_BULL, BULL, SIDEWAYS, BEAR, STRONG_BEAR;

    public boolean bearish() {
        return this == BEAR || this == STRONG_BEAR;
    }
}
