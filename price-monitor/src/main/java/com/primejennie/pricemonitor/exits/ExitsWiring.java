package com.primejennie.pricemonitor.exits;

import com.primejennie.pricemonitor.exits.engine.DailyBarSource;
import com.primejennie.pricemonitor.exits.engine.ExitEngine;
import com.primejennie.pricemonitor.exits.engine.ExitPathHealth;
import com.primejennie.pricemonitor.exits.engine.ExitTickHandler;
import com.primejennie.pricemonitor.exits.engine.ExitsRuntime;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.settings.RuntimeSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The exit path of price-monitor: its own worker on {@code kis:prices} (group {@code price-monitor-group}, beside
 * the feed), the engine, the cached positions and state, the heartbeat and the exit-path health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExitsProperties.class)
@ConditionalOnBooleanProperty(name = "jennie.exits.enabled", matchIfMissing = true)
public class ExitsWiring {

    /** The consumer group of the exits on {@code kis:prices} (spec §1.3). */
    public static final String GROUP = "price-monitor-group";

    @Bean
    PositionBook exitPositionBook(ExitsProperties properties) {
        return new PositionBook(properties.rewatchDelay());
    }

    @Bean
    ExitStateStore exitStateStore(StringRedisTemplate redis) {
        return new ExitStateStore(redis);
    }

    @Bean
    ExitPathHealth exitPathHealth(Notifier notifier, ExitsProperties properties, MarketClock clock) {
        ExitPathHealth health = new ExitPathHealth(notifier, properties.failureAlertAfter());
        health.useClock(clock::instant);
        return health;
    }

    @Bean
    ExitEngine exitEngine(PositionBook book, ExitStateStore states, DailyPriceRepository daily,
                          StreamMessaging messaging, MarketClock clock, RuntimeSettings settings,
                          StringRedisTemplate redis, ExitsProperties properties) {
        TradingSignalPublisher<Object> publisher = messaging.publisher(SellOrder.STREAM);
        int bars = properties.macdDivergenceEnabled() ? Math.max(60, properties.dailyBars()) : properties.dailyBars();
        return new ExitEngine(book, states, new DailyBarSource(daily::findLatest, bars), publisher::publish, clock,
                code -> ExitThresholds.from(settings, code, properties.maxHoldingDaysEnabled()),
                () -> properties.regimeTablesEnabled() ? RegimeReader.read(redis) : "SIDEWAYS", () -> 1.0,
                properties, ExitChain.standard());
    }

    @Bean
    ExitsRuntime exitsRuntime(ActivePortfolioRepository portfolio, PositionBook book, ExitStateStore states,
                              ExitPathHealth health, StringRedisTemplate redis, MarketClock clock,
                              ExitsProperties properties) {
        return new ExitsRuntime(portfolio::findAll, book, states, health, redis, clock, properties.positionRefresh());
    }

    @Bean
    TradingSignalWorker<PriceTick> exitTickWorker(StreamMessaging messaging, ExitEngine engine,
                                                  ExitPathHealth health, MarketClock clock) {
        return messaging.worker("kis:prices", GROUP, FieldMapCodec.kisPrices(),
                new ExitTickHandler(engine, health, clock));
    }
}
