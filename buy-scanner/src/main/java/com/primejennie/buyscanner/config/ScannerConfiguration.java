package com.primejennie.buyscanner.config;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.buyscanner.bars.MinuteBarReader;
import com.primejennie.buyscanner.flags.TradingFlagsCache;
import com.primejennie.buyscanner.pipeline.ScannerAssembly;
import com.primejennie.buyscanner.pipeline.ScannerEngine;
import com.primejennie.buyscanner.pipeline.ScannerHealthIndicator;
import com.primejennie.buyscanner.pipeline.ScannerRuntime;
import com.primejennie.buyscanner.pipeline.ScannerStats;
import com.primejennie.buyscanner.pipeline.SignalObserver;
import com.primejennie.buyscanner.watchlist.WatchlistDbCaches;
import com.primejennie.buyscanner.watchlist.WatchlistHolder;
import com.primejennie.shared.macro.MacroContextProvider;
import com.primejennie.shared.macro.MacroInsightSources;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.trading.TradingFlags;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the scanner: watchlist, macro context, gates, strategies, engine, its timers and the kis:prices worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScannerProperties.class)
public class ScannerConfiguration {

    /**
     * The app's shared {@link TradingFlags} (it replaces the auto-configured one): cached for
     * {@code jennie.scanner.flag-cache-ttl} and failing closed, with no stale read while Redis is down.
     */
    @Bean
    TradingFlags tradingFlags(StringRedisTemplate redis, MarketClock clock, ScannerProperties properties) {
        return TradingFlagsCache.failClosedFlags(redis, clock, properties.flagCacheTtl());
    }

    @Bean
    TradingFlagsCache tradingFlagsCache(TradingFlags flags) {
        return new TradingFlagsCache(flags);
    }

    @Bean
    WatchlistHolder watchlistHolder(StringRedisTemplate redis, DataSource dataSource, TradingCalendar calendar,
                                    MarketClock clock, ScannerProperties properties) {
        return new WatchlistHolder(key -> redis.opsForValue().get(key),
                new WatchlistDbCaches(JdbcClient.create(dataSource), calendar), clock,
                properties.entryLookbackDays());
    }

    @Bean
    MacroContextProvider macroContextProvider(StringRedisTemplate redis, DataSource dataSource, MarketClock clock,
                                              ScannerProperties properties) {
        return MacroInsightSources.provider(redis, dataSource, clock, properties.macroRefresh());
    }

    @Bean
    ScannerStats scannerStats() {
        return new ScannerStats();
    }

    @Bean
    ScannerEngine scannerEngine(StringRedisTemplate redis, StreamMessaging messaging, WatchlistHolder watchlist,
                                MacroContextProvider macro, TradingFlagsCache flags, TradingCalendar calendar,
                                MarketClock clock, RuntimeSettings settings, ScannerProperties properties,
                                DataSource dataSource, ScannerStats stats, ObjectProvider<MeterRegistry> meters,
                                ObjectProvider<SignalObserver> observer) {
        MeterRegistry registry = meters.getIfAvailable();
        return ScannerAssembly.engine(redis, messaging.publisher(Streams.BUY_SIGNALS), watchlist, macro, flags,
                calendar, clock, Clock.systemUTC(), settings, properties,
                new MinuteBarReader(JdbcClient.create(dataSource)), stats, (code, strategy, error) -> {
                    if (registry != null) {
                        registry.counter("jennie.scanner.strategy.failures", "strategy", strategy).increment();
                    }
                }, observer.getIfAvailable(() -> SignalObserver.NONE));
    }

    @Bean
    ScannerRuntime scannerRuntime(ScannerEngine engine, WatchlistHolder watchlist, MacroContextProvider macro,
                                  StringRedisTemplate redis, MarketClock clock, ScannerProperties properties,
                                  ObjectProvider<SchemaMigrator> schema) {
        return new ScannerRuntime(engine, watchlist, macro, redis, clock, properties, () -> {
            SchemaMigrator migrator = schema.getIfAvailable();
            try {
                return migrator == null || migrator.awaitMigrated(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    @Bean
    TradingSignalWorker<PriceTick> kisPricesWorker(StreamMessaging messaging, ScannerEngine engine,
                                                   ScannerProperties properties) {
        return messaging.worker(Streams.KIS_PRICES, properties.consumerGroup(), FieldMapCodec.kisPrices(),
                engine::onTick);
    }

    @Bean
    ScannerHealthIndicator scannerHealthIndicator(TradingFlagsCache flags, WatchlistHolder watchlist,
                                                  ScannerEngine engine) {
        return new ScannerHealthIndicator(flags, watchlist, engine);
    }
}
