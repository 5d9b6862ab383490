package com.primejennie.buyscanner.signal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.primejennie.buyscanner.bars.Bar;

/**
 * Momentum confirmation (spec §2.7; {@code MOMENTUM_CONFIRMATION_BARS} &gt; 0): a momentum-type signal is held back
 * until the stock's next bar completes; if that bar closes at or above the detection price the signal is released
 * at that close, once — Python published it twice (§5.3) — otherwise it is dropped. VCP_BREAKOUT is no longer a
 * momentum type (upstream). Per stock; each stock's calls come from its own lane.
 */
public final class MomentumConfirmation {

    /** The types held for confirmation. */
    public static final Set<String> MOMENTUM_TYPES = Set.of("MOMENTUM", "MOMENTUM_CONTINUATION_BULL",
            "SHORT_TERM_HIGH_BREAKOUT");

    private final Map<String, DetectedSignal> pending = new ConcurrentHashMap<>();

    public static boolean needsConfirmation(String signalType, int confirmationBars) {
        return confirmationBars > 0 && MOMENTUM_TYPES.contains(signalType);
    }

    public void hold(DetectedSignal signal) {
        pending.put(signal.code(), signal);
    }

    public boolean isPending(String code) {
        return pending.containsKey(code);
    }

    /**
     * Settles the pending signal of the bar's stock, if any: removed in every case; returned (at the bar's close)
     * only when the bar closed at or above the detection price.
     */
    public Optional<DetectedSignal> settle(String code, Bar completed) {
        DetectedSignal held = pending.remove(code);
        if (held == null || completed.close() < held.price()) {
            return Optional.empty();
        }
        return Optional.of(held.withPrice(completed.close()));
    }

    /** Drops a pending signal without publishing it (e.g. trading paused meanwhile). */
    public void drop(String code) {
        pending.remove(code);
    }
}
