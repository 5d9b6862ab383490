package com.primejennie.shared.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.primejennie.shared.market.MarketClock;

/** A market clock that moves only when a test moves it. */
public final class FeedTestClock implements MarketClock {

    private final AtomicReference<Instant> now;

    public FeedTestClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }
}
