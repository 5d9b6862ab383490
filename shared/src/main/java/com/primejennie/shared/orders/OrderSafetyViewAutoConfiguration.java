package com.primejennie.shared.orders;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The read-only {@link OrderSafetyView} (halts, reconciliation) for every app with Redis — the dashboard and the bot
 * hold no Broker but show and act on it. The scope is the trading mode ({@code jennie.trading-mode}) and that mode's
 * KIS account ({@code jennie.kis.real.account-no} / {@code jennie.kis.paper.account-no}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBean(StringRedisTemplate.class)
public class OrderSafetyViewAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OrderSafetyView orderSafetyView(StringRedisTemplate redis, Environment environment,
                                    ObjectProvider<JsonMapper> json) {
        return new RedisOrderSafetyView(redis, json.getIfAvailable(() -> JsonMapper.builder().build()),
                scope(environment));
    }

    /** The order book of this process: trading mode and the account of that mode. */
    static OrderScope scope(Environment environment) {
        String mode = environment.getProperty("jennie.trading-mode", "MOCK").trim().toUpperCase(Locale.ROOT);
        if (mode.equals("PAPER")) {
            mode = "MOCK";
        }
        String account = environment.getProperty(mode.equals("REAL") ? "jennie.kis.real.account-no"
                : "jennie.kis.paper.account-no", "");
        return new OrderScope(mode, account);
    }
}
