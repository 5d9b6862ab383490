package com.primejennie.shared.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.primejennie.shared.market.MarketClock;

/** A {@link MarketClock} that tests set and advance by hand, so nothing depends on when the test runs. */
public final class TestMarketClock implements MarketClock {

    private final AtomicReference<Instant> now;

    public TestMarketClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** 2026-02-12 10:30 KST (01:30 UTC), a Thursday session. */
    public static TestMarketClock atSessionMorning() {
        return new TestMarketClock(Instant.parse("2026-02-12T01:30:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }
}
