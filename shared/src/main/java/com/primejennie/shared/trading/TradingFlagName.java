package com.primejennie.shared.trading;

import com.primejennie.shared.domain.TradingFlag;

/** The three operator switches and their Redis keys (spec/control-and-intelligence.md §1.4). */
public enum TradingFlagName {
    /** {@code /pause}: no automatic buys (manual buys pass). */
    PAUSE(TradingFlag.PAUSE_KEY),
    /** {@code /stop}: emergency stop, no buys and no automatic sells. */
    STOP(TradingFlag.STOP_KEY),
    /** {@code /dryrun}: orders are simulated, never sent; see {@link DryRun}. */
    DRY_RUN(TradingFlag.DRY_RUN_KEY);

    private final String key;

    TradingFlagName(String key) {
        this.key = key;
    }

    /** The Redis key. */
    public String key() {
        return key;
    }
}
