package com.primejennie.kissim.clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.primejennie.shared.market.MarketClock;

/** The real clock until the shared auto-configured MarketClock (branch core-market) is merged. */
@Configuration(proxyBeanMethods = false)
class FallbackClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MarketClock marketClock() {
        return java.time.Instant::now;
    }
}
