package com.primejennie.shared.orders;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.broker.Broker;
import com.primejennie.shared.broker.BrokerProperties;
import com.primejennie.shared.broker.KisBroker;
import com.primejennie.shared.broker.OrderIntentStore;
import com.primejennie.shared.broker.StockHalts;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.trading.DryRun;
import com.primejennie.shared.trading.TradingCosts;

import tools.jackson.databind.json.JsonMapper;

/**
 * The order service for the apps that trade (buy-executor, sell-executor, command-handler set
 * {@code jennie.orders.enabled=true}): {@link OrderService} on the KIS client, Redis and MariaDB, its background
 * {@link OrderSettler}, and the legacy {@link Broker} for its read calls. Other apps get only the read-only
 * {@link OrderSafetyView} ({@link OrderSafetyViewAutoConfiguration}).
 *
 * <p>Without a {@link DryRun} bean every order is a dry run (fail safe); without a {@link TradingCosts} bean the
 * defaults apply.
 */
@AutoConfiguration(afterName = {"com.primejennie.shared.kis.KisAutoConfiguration",
        "com.primejennie.shared.persistence.CoreDataAutoConfiguration",
        "com.primejennie.shared.orders.OrderSafetyViewAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnProperty(name = "jennie.orders.enabled", havingValue = "true")
@ConditionalOnBean({KisComponents.class, DataSource.class, StringRedisTemplate.class})
@EnableConfigurationProperties({OrderProperties.class, BrokerProperties.class})
public class OrdersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KisOrderService orderService(KisComponents kis, StringRedisTemplate redis, DataSource dataSource,
                                 OrderProperties properties, Environment environment,
                                 ObjectProvider<JsonMapper> json, ObjectProvider<DryRun> dryRun,
                                 ObjectProvider<TradingCosts> costs, ObjectProvider<OrderSafetyView> safety) {
        JsonMapper mapper = json.getIfAvailable(() -> JsonMapper.builder().build());
        OrderScope scope = OrderSafetyViewAutoConfiguration.scope(environment);
        RedisOrderBook book = new RedisOrderBook(redis, mapper, scope);
        OrderLedger ledger = new OrderLedger(dataSource, kis.clock(), costs.getIfAvailable(() -> TradingCosts.DEFAULT),
                mapper, scope);
        DryRun dry = dryRun.getIfAvailable(() -> {
            LoggerFactory.getLogger(OrdersAutoConfiguration.class)
                    .warn("no DryRun bean: every order is a dry run until one is configured");
            return () -> true;
        });
        return new KisOrderService(kis.client(), book, ledger, dry, kis.notifier(), kis.clock(), properties,
                safety.getIfAvailable(() -> new RedisOrderSafetyView(redis, mapper, scope)));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "jennie.orders.settler-enabled", havingValue = "true", matchIfMissing = true)
    OrderSettler orderSettler(KisOrderService orders, StringRedisTemplate redis, KisComponents kis,
                              ObjectProvider<TradingCalendar> calendar, OrderProperties properties,
                              Environment environment) {
        return new OrderSettler(orders, redis, kis.clock(), calendar.getIfAvailable(), properties,
                environment.getProperty("jennie.feed.fills-stream", "kis:fills"));
    }

    /** The older intent-keyed broker, kept for its reads (cash, holdings); orders go through {@link OrderService}. */
    @Bean
    @ConditionalOnMissingBean
    Broker broker(KisComponents components, BrokerProperties properties, StringRedisTemplate redis,
                  ObjectProvider<JsonMapper> json) {
        JsonMapper mapper = json.getIfAvailable(() -> JsonMapper.builder().build());
        return new KisBroker(components.client(), new OrderIntentStore(redis, mapper, properties.intentTtl()),
                new StockHalts(redis, mapper), components.notifier(), components.clock(), properties);
    }
}
