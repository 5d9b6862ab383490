package com.primejennie.pricemonitor.exits;

import com.primejennie.pricemonitor.exits.alerts.PriceAlerts;
import com.primejennie.pricemonitor.exits.engine.DailyBarSource;
import com.primejennie.pricemonitor.exits.engine.ExitEngine;
import com.primejennie.pricemonitor.exits.engine.ExitPathHealth;
import com.primejennie.pricemonitor.exits.engine.ExitTickHandler;
import com.primejennie.pricemonitor.exits.engine.ExitsRuntime;
import com.primejennie.pricemonitor.exits.engine.LastKnownThresholds;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.macro.MacroInsightSources;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.prices.DailyPriceReadThrough;
import com.primejennie.shared.settings.RuntimeSettings;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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
    PriceAlerts priceAlerts(StringRedisTemplate redis, Notifier notifier) {
        return new PriceAlerts(redis, notifier);
    }

    @Bean
    ExitPathHealth exitPathHealth(Notifier notifier, ExitsProperties properties, MarketClock clock) {
        ExitPathHealth health = new ExitPathHealth(notifier, properties.failureAlertAfter());
        health.useClock(clock::instant);
        return health;
    }

    @Bean
    DailyBarSource exitDailyBars(ObjectProvider<DailyPriceReadThrough> readThrough, DailyPriceRepository daily,
                                 ExitsProperties properties) {
        int bars = properties.dailyBarsNeeded();
        DailyPriceReadThrough through = readThrough.getIfAvailable();
        if (through == null) {
            // no KIS client or calendar in this context: the table alone, as Python read it
            return new DailyBarSource(daily::findLatest, bars);
        }
        return new DailyBarSource(through::latest, bars);
    }

    /** The macro trading context (shared with buy-scanner), read only for its stop-loss multiplier here. */
    @Bean
    MacroStopMultiplier exitMacroStopMultiplier(StringRedisTemplate redis, DataSource dataSource, MarketClock clock,
                                                ExitsProperties properties) {
        return new MacroStopMultiplier(MacroInsightSources.provider(redis, dataSource, clock,
                properties.macroRefresh()));
    }

    @Bean
    LastKnownThresholds exitThresholds(RuntimeSettings settings, ExitsProperties properties) {
        return new LastKnownThresholds(code -> ExitThresholds.from(settings, code,
                properties.maxHoldingDaysEnabled()));
    }

    @Bean
    ExitEngine exitEngine(PositionBook book, ExitStateStore states, DailyBarSource dailyBars,
                          LastKnownThresholds thresholds,
                          StreamMessaging messaging, MarketClock clock, RuntimeSettings settings,
                          StringRedisTemplate redis, ActivePortfolioRepository portfolio,
                          MacroStopMultiplier macroStopMult, ExitsProperties properties) {
        TradingSignalPublisher<Object> publisher = messaging.publisher(SellOrder.STREAM);
        return new ExitEngine(book, states, dailyBars, publisher::publish, clock,
                thresholds,
                RegimeReader.supplier(properties.regimeTablesEnabled(), RegimeReader.redisJson(redis)), macroStopMult,
                properties, ExitChain.standard(), portfolio::find);
    }

    @Bean
    ExitsRuntime exitsRuntime(ActivePortfolioRepository portfolio, PositionBook book, ExitStateStore states,
                              ExitPathHealth health, StringRedisTemplate redis, MarketClock clock,
                              DailyBarSource dailyBars, LastKnownThresholds thresholds, PriceAlerts alerts,
                              MacroStopMultiplier macroStopMult, ExitsProperties properties) {
        ExitsRuntime runtime = new ExitsRuntime(portfolio::findAll, book, states, health, redis, clock,
                properties.positionRefresh(), held -> {
                    held.forEach(thresholds::apply); // read while the DB answers, kept for when it does not
                    dailyBars.warm(held, clock.today());
                    macroStopMult.refresh(); // Redis/MariaDB reads stay off the tick path
                });
        runtime.alsoEvery(PriceAlerts.REFRESH, alerts::refresh);
        return runtime;
    }

    @Bean
    TradingSignalWorker<PriceTick> exitTickWorker(StreamMessaging messaging, ExitEngine engine,
                                                  ExitPathHealth health, MarketClock clock, PriceAlerts alerts) {
        return messaging.worker("kis:prices", GROUP, FieldMapCodec.kisPrices(),
                new ExitTickHandler(engine, health, clock, alerts, java.time.InstantSource.system()));
    }
}
