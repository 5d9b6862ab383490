package com.primejennie.shared.market;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The production clock: real time, read from the operating system (or any {@link Clock} given, for tests). */
public final class SystemMarketClock implements MarketClock {

    private final Clock source;

    /** Real time from the operating system. */
    public SystemMarketClock() {
        this(Clock.systemUTC());
    }

    /** Time read from {@code source}. */
    public SystemMarketClock(Clock source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Instant instant() {
        return source.instant();
    }

    @Override
    public String toString() {
        return "SystemMarketClock[" + source + "]";
    }
}
