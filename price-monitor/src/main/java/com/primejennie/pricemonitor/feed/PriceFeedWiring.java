package com.primejennie.pricemonitor.feed;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.primejennie.shared.feed.PriceFeedConfiguration;

/**
 * price-monitor owns the real-time price feed (KIS WebSocket → {@code kis:prices}, {@code kis:fills},
 * {@code STOCK_MINUTE_PRICE}); no other service imports it, so the suite keeps a single KIS session. With
 * {@code jennie.feed.enabled=false} (the Python kis-gateway still streams) the feed is absent and health says so.
 */
@Configuration(proxyBeanMethods = false)
@Import(PriceFeedConfiguration.class)
public class PriceFeedWiring {

    /** Health component {@code feed} while the feed is switched off: UP, with the reason, so nobody hunts for it. */
    @Bean
    @ConditionalOnBooleanProperty(name = "jennie.feed.enabled", havingValue = false)
    HealthIndicator feedHealthIndicator() {
        return () -> Health.up()
                .withDetail("state", "DISABLED")
                .withDetail("reason", "jennie.feed.enabled=false - kis:prices is expected from another producer "
                        + "(the Python kis-gateway)")
                .build();
    }
}
