package com.primejennie.buyscanner.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class TradingFlagsCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<List<String>> stored = new AtomicReference<>(Arrays.asList(null, null));
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final TradingFlagsCache cache = new TradingFlagsCache(() -> {
        reads.incrementAndGet();
        if (failure.get() != null) {
            throw failure.get();
        }
        return stored.get();
    }, Duration.ofSeconds(1), nanos::get);

    @Test
    void readsRedisAtMostOncePerTtlNotPerTick() {
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.RUNNING);
        }
        assertThat(reads).hasValue(1);
        stored.set(Arrays.asList(null, "{\"value\":true,\"reason\":\"점검\",\"set_at\":\"2026-02-11T01:00:00+00:00\"}"));
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.RUNNING);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.PAUSED);
        assertThat(reads).hasValue(2);
    }

    @Test
    void stopWinsOverPauseAndABarePythonTrueCounts() {
        stored.set(Arrays.asList("{\"value\":true,\"reason\":\"x\",\"set_at\":null}", "true"));
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.STOPPED);
        assertThat(cache.state().allowsSignals()).isFalse();
    }

    @Test
    void unreadableRedisFailsClosed() {
        failure.set(new IllegalStateException("connection refused"));
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.UNKNOWN);
        assertThat(cache.state().allowsSignals()).isFalse();
        assertThat(cache.problem()).contains("connection refused");
    }

    @Test
    void anUnparseableFlagFailsClosed() {
        stored.set(Arrays.asList("garbage", null));
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.UNKNOWN);
    }
}
