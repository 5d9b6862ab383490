package com.primejennie.shared.notify;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The Telegram {@link Notifier}, unless the app defines its own. */
@ConditionalOnBean(StringRedisTemplate.class)
@EnableConfigurationProperties(TelegramProperties.class)
public class NotifyConfiguration {

    @Bean
    @ConditionalOnMissingBean(Notifier.class)
    TelegramNotifier telegramNotifier(TelegramProperties properties, StringRedisTemplate redis,
                                      ObjectProvider<MarketClock> clock, ObjectProvider<MeterRegistry> meters) {
        MuteSwitch mute = new MuteSwitch(redis, properties.muteKey(), clock.getIfAvailable(() -> Instant::now));
        return new TelegramNotifier(properties, mute, meters.getIfUnique(SimpleMeterRegistry::new));
    }
}
