package com.primejennie.kissim.market;

import java.time.LocalDate;

/** Told about every simulated trade, in order, while the market lock is held (so keep it quick). */
public interface MarketListener {

    void onTrade(Trade trade);

    /** The trading day {@code day} has closed (unfilled day orders expire). */
    default void onSessionClosed(LocalDate day) {
    }

    /** The market was rebuilt (new universe, seed or replay): forget everything about the old one. */
    default void onReset() {
    }
}
