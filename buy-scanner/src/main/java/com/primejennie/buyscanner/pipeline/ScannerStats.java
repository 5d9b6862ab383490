package com.primejennie.buyscanner.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.primejennie.shared.domain.WireTime;

/** The scanner's counters, for the heartbeat (spec §2.9) and health. Thread-safe. */
public final class ScannerStats {

    final AtomicLong ticks = new AtomicLong();
    final AtomicLong bars = new AtomicLong();
    final AtomicLong signals = new AtomicLong();
    final AtomicLong cooldownBlocked = new AtomicLong();
    final AtomicLong macroRiskBlocked = new AtomicLong();
    final AtomicLong staleTicks = new AtomicLong();
    final AtomicLong strategyFailures = new AtomicLong();
    volatile Instant lastTick;
    volatile Instant lastSignal;

    public long ticks() {
        return ticks.get();
    }

    public long signals() {
        return signals.get();
    }

    public long bars() {
        return bars.get();
    }

    public long strategyFailures() {
        return strategyFailures.get();
    }

    void strategyFailed() {
        strategyFailures.incrementAndGet();
    }

    /** The heartbeat JSON fields of spec §2.9. */
    public Map<String, Object> heartbeat(long watchlistLoads, int watchlistSize, String regime, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tick_count", ticks.get());
        m.put("bar_count", bars.get());
        m.put("signal_count", signals.get());
        m.put("cooldown_blocked", cooldownBlocked.get());
        m.put("watchlist_loads", watchlistLoads);
        m.put("last_tick_time", lastTick == null ? null : WireTime.format(lastTick));
        m.put("last_signal_time", lastSignal == null ? null : WireTime.format(lastSignal));
        m.put("macro_risk_blocked", macroRiskBlocked.get());
        m.put("hot_watchlist_size", watchlistSize);
        m.put("market_regime", regime);
        m.put("updated_at", WireTime.format(now));
        return m;
    }
}
