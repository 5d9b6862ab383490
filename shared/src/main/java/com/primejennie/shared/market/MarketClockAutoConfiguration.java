package com.primejennie.shared.market;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Provides the one {@link MarketClock}: the real clock unless {@code jennie.clock.*} selects a simulation (see
 * {@link ClockProperties}). A simulation that cannot establish its anchor fails start-up rather than run on a clock
 * the rest of the fleet does not share. An app or test defining its own {@code MarketClock} bean wins.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(ClockProperties.class)
public class MarketClockAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MarketClockAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    MarketClock marketClock(ClockProperties properties, ObjectProvider<RedisConnectionFactory> redis) {
        MarketClock clock = MarketClockFactory.create(properties, () -> {
            RedisConnectionFactory factory = redis.getIfAvailable();
            if (factory == null) {
                throw new IllegalStateException("jennie.clock: a simulation without jennie.clock.anchor needs Redis"
                        + " (key " + properties.redisKey() + "), but no Redis connection is configured");
            }
            return new ClockAnchorStore(new StringRedisTemplate(factory), properties.redisKey());
        }, Clock.systemUTC());
        log.info("Market clock: {} (now {} KST)", clock, clock.now().toLocalDateTime());
        return clock;
    }
}
