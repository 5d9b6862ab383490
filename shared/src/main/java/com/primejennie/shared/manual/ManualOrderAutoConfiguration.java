package com.primejennie.shared.manual;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.trading.DryRun;

/**
 * The manual-order publisher and its limits for the apps that take operator orders (the bot, the dashboard):
 * {@code COMMAND_MIN_INTERVAL_SECONDS} (default 5) and {@code MANUAL_TRADE_DAILY_LIMIT} (default 20), as the Python
 * bot read them. Backs off when the app defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "com.primejennie.shared.messaging.MessagingAutoConfiguration",
        "com.primejennie.shared.trading.TradingAutoConfiguration"})
public class ManualOrderAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({StringRedisTemplate.class, TradingDay.class})
    ManualTradeLimits manualTradeLimits(StringRedisTemplate redis, TradingDay tradingDay, Environment environment) {
        long interval = environment.getProperty("COMMAND_MIN_INTERVAL_SECONDS", Long.class,
                ManualTradeLimits.DEFAULT_MIN_INTERVAL.toSeconds());
        int daily = environment.getProperty("MANUAL_TRADE_DAILY_LIMIT", Integer.class,
                ManualTradeLimits.DEFAULT_DAILY_LIMIT);
        return new ManualTradeLimits(redis, tradingDay, Duration.ofSeconds(interval), daily);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ManualTradeLimits.class, StreamMessaging.class, DryRun.class, MarketClock.class})
    ManualOrderPublisher manualOrderPublisher(StreamMessaging messaging, ManualTradeLimits limits, DryRun dryRun,
                                              MarketClock clock) {
        return new ManualOrderPublisher(messaging.publisher(BuySignal.STREAM), messaging.publisher(SellOrder.STREAM),
                limits, dryRun, clock);
    }
}
