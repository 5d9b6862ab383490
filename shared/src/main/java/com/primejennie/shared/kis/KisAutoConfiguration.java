package com.primejennie.shared.kis;

import java.time.Instant;

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

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.Notifier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service a ready {@link KisClient} for the configured trading mode, sharing token and rate budget through
 * Redis. Nothing connects at start-up; the first call does. Off with {@code jennie.kis.enabled=false}. Orders go
 * through the order service ({@code com.primejennie.shared.orders}), whose beans are opt-in
 * ({@code jennie.orders.enabled}); this package no longer depends on the broker.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBean(StringRedisTemplate.class)
@ConditionalOnProperty(name = "jennie.kis.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KisProperties.class)
public class KisAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KisComponents kisComponents(KisProperties properties, Environment environment, StringRedisTemplate redis,
                                ObjectProvider<JsonMapper> json, ObjectProvider<MarketClock> clock,
                                ObjectProvider<Notifier> notifier) {
        KisMode mode = KisMode.fromTradingMode(environment.getProperty("jennie.trading-mode", "MOCK"));
        return KisComponents.create(properties, mode, redis,
                json.getIfAvailable(() -> JsonMapper.builder().build()),
                clock.getIfAvailable(() -> Instant::now),
                notifier.getIfAvailable(() -> text -> {
                    LoggerFactory.getLogger(KisAutoConfiguration.class).warn("(no notifier) {}", text);
                    return false;
                }));
    }

    @Bean
    @ConditionalOnMissingBean
    KisClient kisClient(KisComponents components) {
        return components.client();
    }

    @Bean
    @ConditionalOnMissingBean(name = "kisCircuitBreaker")
    CircuitBreaker kisCircuitBreaker(KisComponents components) {
        return components.breaker();
    }
}
