package com.primejennie.shared.market;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Provides the {@link TradingCalendar}: the bundled KRX holiday list with the session rules of
 * {@code jennie.calendar.*}. A bad rule (an exam day on a holiday, hours out of order) fails start-up.
 */
@AutoConfiguration
@EnableConfigurationProperties(KrxSessionRules.class)
public class KrxCalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TradingCalendar tradingCalendar(KrxSessionRules rules) {
        return KrxCalendar.bundled(rules);
    }
}
