package com.primejennie.shared.market;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A market clock for simulations: it shows {@link SimulationAnchor#start()} at the real instant
 * {@link SimulationAnchor#anchor()} and from there runs {@link SimulationAnchor#speed()} times as fast as real time.
 *
 * <p>It holds no state that drifts: every reading is computed from the shared anchor and the real clock, so every
 * process given the same anchor (all services and kis-sim) reads the same simulated instant, to the millisecond, at
 * the same real instant. Before the anchor it reads earlier than the start (the mapping is linear, never clamped).
 */
public final class SimulatedMarketClock implements MarketClock {

    private final SimulationAnchor anchor;
    private final Clock real;

    public SimulatedMarketClock(SimulationAnchor anchor) {
        this(anchor, Clock.systemUTC());
    }

    /** With {@code real} as the source of real time (tests pass a fixed or stepped clock). */
    public SimulatedMarketClock(SimulationAnchor anchor, Clock real) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.real = Objects.requireNonNull(real, "real");
    }

    /** The anchor this clock runs from. */
    public SimulationAnchor anchor() {
        return anchor;
    }

    @Override
    public Instant instant() {
        return anchor.simulatedAt(real.instant());
    }

    @Override
    public String toString() {
        return "SimulatedMarketClock[" + anchor + "]";
    }
}
