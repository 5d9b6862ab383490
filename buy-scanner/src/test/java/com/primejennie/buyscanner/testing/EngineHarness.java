package com.primejennie.buyscanner.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.shared.macro.MacroContextProvider;
import com.primejennie.buyscanner.flags.TradingFlagsCache;
import com.primejennie.buyscanner.pipeline.ScannerAssembly;
import com.primejennie.buyscanner.pipeline.ScannerEngine;
import com.primejennie.buyscanner.pipeline.ScannerStats;
import com.primejennie.buyscanner.pipeline.SignalObserver;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.buyscanner.watchlist.WatchlistDbCaches;
import com.primejennie.buyscanner.watchlist.WatchlistHolder;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalPublisher;

import io.lettuce.core.RedisURI;

/**
 * One scanner engine built by hand on a real Redis (no Spring, no database), for the engine tests and the
 * benchmark: the same {@link ScannerAssembly} the application uses, a {@link ManualMarketClock}, settings as env
 * values and the KRX calendar.
 */
public final class EngineHarness implements AutoCloseable {

    public final ManualMarketClock clock;
    public final StringRedisTemplate redis;
    public final WatchlistHolder watchlist;
    public final ScannerEngine engine;
    public final StreamConnections connections;
    public final TradingFlagsCache flags;
    private final LettuceConnectionFactory factory;

    public EngineHarness(RedisURI uri, LocalDateTime startKst, Map<String, String> env, ScannerProperties properties,
                         Clock wallClock, SignalObserver observer) {
        this(uri, startKst, env, properties, wallClock, observer, null);
    }

    public EngineHarness(RedisURI uri, LocalDateTime startKst, Map<String, String> env, ScannerProperties properties,
                         Clock wallClock, SignalObserver observer, TradingFlagsCache flagsOverride) {
        clock = ManualMarketClock.atKst(startKst);
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        config.setDatabase(uri.getDatabase());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        connections = new StreamConnections(uri, Duration.ofSeconds(5));
        TradingSignalPublisher<Object> publisher = new TradingSignalPublisher<>(connections, Streams.BUY_SIGNALS,
                new JsonPayloadCodec<>(JsonPayloadCodec.defaultMapper(), Object.class),
                StreamSettings.builtIn(Streams.BUY_SIGNALS), MessagingMetrics.inMemory());
        watchlist = new WatchlistHolder(key -> redis.opsForValue().get(key), new NoDatabase(), clock, 10);
        MacroContextProvider macro = new MacroContextProvider(() -> redis.opsForValue().get(
                MacroContextProvider.INSIGHT_KEY), date -> Optional.empty(), clock, Duration.ofMinutes(30));
        flags = flagsOverride != null ? flagsOverride : new TradingFlagsCache(TradingFlagsCache.failClosedFlags(redis,
                clock, Duration.ofMillis(50)));
        engine = ScannerAssembly.engine(redis, publisher, watchlist, macro, flags,
                KrxCalendar.bundled(KrxSessionRules.defaults()), clock, wallClock, Scenario.settings(env),
                properties, null, new ScannerStats(), (code, strategy, error) -> { }, observer);
    }

    /** Publishes a hot watchlist with {@code codes} (llm 60, hybrid 60, TIER1) and loads it. */
    public void watch(String regime, Collection<String> codes) {
        String key = "hot_watchlist:v" + Instant.now().toEpochMilli() + (int) (Math.random() * 1000);
        List<HotWatchlist.Stock> stocks = codes.stream()
                .map(c -> HotWatchlist.Stock.scouted(c, "종목" + c, 60.0, 1, true, "TIER1", 60.0)).toList();
        redis.opsForValue().set(key, WireJson.mapper().writeValueAsString(
                new HotWatchlist("2026-02-10T22:00:00+00:00", regime, 0.0, stocks)));
        redis.opsForValue().set(HotWatchlist.ACTIVE_KEY, key);
        watchlist.poll();
    }

    /** Entries of {@code stream:buy-signals}. */
    public List<String> signals() {
        var records = redis.opsForStream().read(
                org.springframework.data.redis.connection.stream.StreamOffset.fromStart(Streams.BUY_SIGNALS));
        return records == null ? List.of() : records.stream().map(r -> (String) r.getValue().get("payload")).toList();
    }

    @Override
    public void close() {
        engine.close();
        connections.close();
        factory.destroy();
    }

    /** No database: no watchlist entries and no investor flows. */
    private static final class NoDatabase extends WatchlistDbCaches {
        NoDatabase() {
            super(null, null);
        }

        @Override
        public Map<String, EntryInfo> entries(Collection<String> codes, LocalDate today, int lookbackDays) {
            return Map.of();
        }

        @Override
        public Map<String, List<Double>> foreignNetBuys(Collection<String> codes) {
            return Map.of();
        }
    }
}
