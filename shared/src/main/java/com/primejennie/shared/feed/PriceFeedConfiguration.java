package com.primejennie.shared.feed;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.notify.Notifier;

/**
 * Assembles the price feed from its parts. Not an auto-configuration on purpose: only the app that owns the feed
 * (price-monitor) imports it, so no other service opens a second KIS session. {@code jennie.feed.enabled=false}
 * leaves it out entirely (while the Python gateway still streams {@code kis:prices}).
 *
 * <p>Uses the context's {@link MarketClock}, {@link Notifier}, {@link TradingCalendar} and approval keys
 * ({@link ApprovalKeySource}, else the shared {@link KisClient}) when there are such beans, else the system clock, a
 * log-only notifier and weekday 09:00–15:30 KST. The approval key comes from the shared {@link KisClient}; without one the
 * feed refuses to start with a message saying what to configure.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "jennie.feed.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FeedProperties.class)
public class PriceFeedConfiguration {

    @Bean(destroyMethod = "close")
    KisRealtimeFeed kisRealtimeFeed(FeedProperties props, @Value("${jennie.trading-mode:MOCK}") String tradingMode,
                                    StringRedisTemplate redis, JdbcTemplate jdbc, StreamMessaging messaging,
                                    ObjectProvider<MarketClock> clocks, ObjectProvider<Notifier> notifiers,
                                    ObjectProvider<TradingCalendar> calendars,
                                    ObjectProvider<ApprovalKeySource> keySources,
                                    ObjectProvider<KisClient> kisClients) {
        boolean real = "REAL".equalsIgnoreCase(tradingMode.trim());
        MarketClock clock = clocks.getIfAvailable(() -> Instant::now);
        Notifier notifier = notifiers.getIfAvailable(() -> text -> {
            LoggerFactory.getLogger(PriceFeedConfiguration.class).warn("[notifier missing] {}", text);
            return false;
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ApprovalKeySource keys = keySources.getIfAvailable(() -> {
            KisClient kis = kisClients.getIfAvailable();
            if (kis == null) {
                throw new IllegalStateException("the price feed needs the shared KIS client for its approval key: "
                        + "set jennie.kis.enabled=true (the default) and the KIS app key and secret, "
                        + "or turn the feed off with jennie.feed.enabled=false (PRICE_FEED_ENABLED=false)");
            }
            return new CachedApprovalKeySource(kis::approvalKey);
        });
        FeedWatchdog watchdog = new FeedWatchdog(props.silenceThreshold(),
                calendars.stream().findFirst().map(MarketHours::of).orElseGet(MarketHours::weekdaySession), notifier);
        return new KisRealtimeFeed(props, props.websocketUri(real), real, http, keys,
                new HoldingsCodeSource(jdbc, HoldingsCodeSource.tableFor(tradingMode)),
                new HotWatchlistCodeSource(redis),
                new StreamTickPublisher(messaging.publisher(props.pricesStream(), FieldMapCodec.kisPrices()), redis),
                new StreamFillPublisher(messaging.publisher(props.fillsStream())),
                new JdbcMinuteBarWriter(jdbc, clock::nowUtcNaive), watchdog, clock);
    }

    @Bean
    FeedStarter priceFeedStarter(KisRealtimeFeed feed) {
        return new FeedStarter(feed);
    }

    @Bean
    FeedHealthIndicator feedHealthIndicator(KisRealtimeFeed feed) {
        return new FeedHealthIndicator(feed);
    }

    /**
     * {@code jennie.feed.*} on /actuator/prometheus: ticks received, published and coalesced, buffered codes, publish
     * failures, reconnects, registrations, stale.
     */
    @Bean
    MeterBinder priceFeedMetrics(KisRealtimeFeed feed) {
        return registry -> {
            FunctionCounter.builder("jennie.feed.ticks", feed, f -> f.status().ticks())
                    .description("trade ticks received from KIS").register(registry);
            FunctionCounter.builder("jennie.feed.ticks.published", feed, f -> f.status().published())
                    .description("kis:prices entries written").register(registry);
            FunctionCounter.builder("jennie.feed.ticks.coalesced", feed, f -> f.status().coalesced())
                    .description("ticks merged into a waiting tick of the same code (volumes summed)")
                    .register(registry);
            Gauge.builder("jennie.feed.buffer.codes", feed, f -> f.status().buffered())
                    .description("codes whose latest tick waits for the publisher").register(registry);
            FunctionCounter.builder("jennie.feed.publish.failures", feed, f -> f.status().publishFailures())
                    .description("tick publish attempts Redis refused (retried)").register(registry);
            FunctionCounter.builder("jennie.feed.reconnects", feed, f -> f.status().reconnects())
                    .description("WebSocket connections after the first").register(registry);
            Gauge.builder("jennie.feed.subscriptions", feed, f -> f.status().subscribed().size())
                    .description("codes registered with KIS").register(registry);
            Gauge.builder("jennie.feed.stale", feed, f -> f.status().stale() ? 1 : 0)
                    .description("1 while the watchdog judges the feed dead").register(registry);
        };
    }
}
