package com.primejennie.buyscanner.pipeline;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import com.primejennie.buyscanner.flags.TradingFlagsCache;
import com.primejennie.buyscanner.watchlist.WatchlistHolder;

/**
 * Health component {@code scanner}: DOWN while the trading flags cannot be read (the scanner then publishes
 * nothing); details show the flags, the watchlist and the counters.
 */
public final class ScannerHealthIndicator extends AbstractHealthIndicator {

    private final TradingFlagsCache flags;
    private final WatchlistHolder watchlist;
    private final ScannerEngine engine;

    public ScannerHealthIndicator(TradingFlagsCache flags, WatchlistHolder watchlist, ScannerEngine engine) {
        this.flags = flags;
        this.watchlist = watchlist;
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TradingFlagsCache.State state = flags.state();
        if (state == TradingFlagsCache.State.UNKNOWN) {
            builder.down().withDetail("flags", "unreadable: " + flags.problem());
        } else {
            builder.up().withDetail("flags", state.name());
        }
        var list = watchlist.current();
        builder.withDetail("watchlist", list.versionKey() == null ? "none" : list.versionKey())
                .withDetail("stocks", list.stocks().size())
                .withDetail("regime", list.marketRegime())
                .withDetail("ticks", engine.stats().ticks())
                .withDetail("signals", engine.stats().signals())
                .withDetail("queued", engine.lanes().queued());
    }
}
