package com.primejennie.buyscanner.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.buyscanner.testing.UnreachableRedis;
import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.testing.RealServices;
import com.primejennie.shared.trading.TradingFlags;

import io.lettuce.core.RedisURI;

/** The scanner's view of stop/pause, read through the shared {@link TradingFlags} on a real Redis. */
class TradingFlagsCacheTest {

    private static final String PAUSED = "{\"value\":true,\"reason\":\"점검\",\"set_at\":\"2026-02-11T01:00:00+00:00\"}";

    private final AtomicReference<Instant> realNow = new AtomicReference<>(Instant.parse("2026-02-11T01:00:00Z"));
    private final ManualMarketClock clock = new ManualMarketClock(Instant.parse("2026-02-11T01:00:00Z"));
    private LettuceConnectionFactory factory;
    private StringRedisTemplate redis;
    private TradingFlagsCache cache;

    @BeforeEach
    void connect() {
        factory = factory(RealServices.redis().uri());
        redis = new StringRedisTemplate(factory);
        redis.delete(List.of(TradingFlag.STOP_KEY, TradingFlag.PAUSE_KEY));
        cache = new TradingFlagsCache(new TradingFlags(redis, clock, (InstantSource) realNow::get,
                Duration.ofSeconds(1), Duration.ZERO));
    }

    private static LettuceConnectionFactory factory(RedisURI uri) {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        config.setDatabase(uri.getDatabase());
        LettuceConnectionFactory f = new LettuceConnectionFactory(config);
        f.afterPropertiesSet();
        f.start();
        return f;
    }

    @AfterEach
    void close() {
        redis.delete(List.of(TradingFlag.STOP_KEY, TradingFlag.PAUSE_KEY));
        factory.destroy();
    }

    @Test
    void readsRedisAtMostOncePerTtlNotPerTick() {
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.RUNNING);
        }
        redis.opsForValue().set(TradingFlag.PAUSE_KEY, PAUSED);
        realNow.set(realNow.get().plusMillis(999));
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.RUNNING);
        realNow.set(realNow.get().plusMillis(1));
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.PAUSED);
    }

    @Test
    void stopWinsOverPauseAndABarePythonTrueCounts() {
        redis.opsForValue().set(TradingFlag.STOP_KEY, "{\"value\":true,\"reason\":\"x\",\"set_at\":null}");
        redis.opsForValue().set(TradingFlag.PAUSE_KEY, "true");
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.STOPPED);
        assertThat(cache.state().allowsSignals()).isFalse();
    }

    @Test
    void aStopWrittenByTheBotThroughTheSharedTradingFlagsIsWhatTheScannerSees() {
        new TradingFlags(redis, clock).stop("긴급");
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.STOPPED);
    }

    @Test
    void unreadableRedisFailsClosed() {
        try (UnreachableRedis dead = new UnreachableRedis()) {
            TradingFlagsCache unreadable = new TradingFlagsCache(TradingFlagsCache.failClosedFlags(dead.redis, clock,
                    Duration.ofSeconds(1)));
            assertThat(unreadable.state()).isEqualTo(TradingFlagsCache.State.UNKNOWN);
            assertThat(unreadable.state().allowsSignals()).isFalse();
            assertThat(unreadable.problem()).contains("cannot read trading:stop");
        }
    }

    @Test
    void aReadThatWasFineIsNotReusedOnceRedisFailsAfterTheTtl() {
        LettuceConnectionFactory own = factory(RealServices.redis().uri());
        TradingFlagsCache ownCache = new TradingFlagsCache(new TradingFlags(new StringRedisTemplate(own), clock,
                (InstantSource) realNow::get, Duration.ofSeconds(1), Duration.ZERO));
        assertThat(ownCache.state()).isEqualTo(TradingFlagsCache.State.RUNNING);
        own.destroy(); // Redis gone for this reader
        realNow.set(realNow.get().plusSeconds(1));
        assertThat(ownCache.state()).isEqualTo(TradingFlagsCache.State.UNKNOWN);
    }

    @Test
    void anUnparseableFlagFailsClosed() {
        redis.opsForValue().set(TradingFlag.STOP_KEY, "garbage");
        assertThat(cache.state()).isEqualTo(TradingFlagsCache.State.UNKNOWN);
    }
}
