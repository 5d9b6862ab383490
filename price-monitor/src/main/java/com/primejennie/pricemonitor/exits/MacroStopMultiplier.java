package com.primejennie.pricemonitor.exits;

import com.primejennie.shared.macro.MacroContextProvider;
import com.primejennie.shared.macro.TradingContext;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exit rules' {@code macroStopMult} (spec/sell-path-and-broker.md §1.5): the macro trading context's stop-loss
 * multiplier (0.9 low_vol, 1.0, 1.3 elevated, 1.5 crisis, ×1.1 capped at 1.5 at risk-off ≥ 2, or the Council's
 * {@code stop_loss_adjust_pct}/100), computed by the shared {@link MacroContextProvider} that buy-scanner uses and kept
 * for its refresh interval (30 min of market time). {@link #get} runs on every tick and never reads Redis or MariaDB;
 * {@link #refresh} runs on the exits' warm-up thread. 1.0 on any error, as in Python: no context yet, a failed last
 * refresh, or a value that is not a positive number.
 */
public final class MacroStopMultiplier implements Supplier<Double> {

    private static final Logger log = LoggerFactory.getLogger(MacroStopMultiplier.class);

    private final MacroContextProvider provider;

    public MacroStopMultiplier(MacroContextProvider provider) {
        this.provider = provider;
    }

    /** Rebuilds the context when it is older than the refresh interval (market clock); never throws. */
    public void refresh() {
        try {
            provider.current();
        } catch (RuntimeException e) {
            log.warn("macro stop multiplier not refreshed: {}", e.toString());
        }
    }

    @Override
    public Double get() {
        try {
            if (provider.lastRefreshFailed()) {
                return 1.0;
            }
            double m = provider.cached().map(TradingContext::stopLossMultiplier).orElse(1.0);
            return Double.isFinite(m) && m > 0 ? m : 1.0;
        } catch (RuntimeException e) {
            return 1.0;
        }
    }
}
