package com.primejennie.dashboard.console.overview;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import com.primejennie.dashboard.console.ConsoleProperties;
import com.primejennie.shared.market.MarketClock;

/** Subscribes the live feed to {@code dashboard:stream}; the container re-subscribes by itself after an outage. */
@Configuration(proxyBeanMethods = false)
public class LiveFeedConfiguration {

    @Bean
    LiveFeed liveFeed(ConsoleProperties properties, MarketClock clock) {
        return new LiveFeed(properties, clock);
    }

    @Bean
    RedisMessageListenerContainer consoleFeedListener(RedisConnectionFactory redis, LiveFeed feed) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(feed, new ChannelTopic(LiveFeed.CHANNEL));
        return container;
    }
}
