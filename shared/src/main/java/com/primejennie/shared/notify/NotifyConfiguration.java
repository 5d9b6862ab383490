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

/**
 * The {@link Notifier}, unless the app defines its own: Telegram behind the bounded asynchronous queue
 * ({@link AsyncNotifier}), so no order, tick or watchdog thread waits on the Bot API. Closed at shutdown, after the
 * beans that use it, draining for {@code jennie.notify.queue.drain-timeout}.
 */
@ConditionalOnBean(StringRedisTemplate.class)
@EnableConfigurationProperties({TelegramProperties.class, NotifyQueueProperties.class})
public class NotifyConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Notifier.class)
    AsyncNotifier telegramNotifier(TelegramProperties properties, NotifyQueueProperties queue,
                                   StringRedisTemplate redis, ObjectProvider<MarketClock> clock,
                                   ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfUnique(SimpleMeterRegistry::new);
        MuteSwitch mute = new MuteSwitch(redis, properties.muteKey(), clock.getIfAvailable(() -> Instant::now));
        return new AsyncNotifier(new TelegramNotifier(properties, mute, registry), queue, registry);
    }
}
