package com.primejennie.shared.prices;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.primejennie.shared.kis.KisAutoConfiguration;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.market.KrxCalendarAutoConfiguration;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.MarketClockAutoConfiguration;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.persistence.CoreDataAutoConfiguration;
import com.primejennie.shared.persistence.DailyPriceRepository;

/** Gives every service with a database and a KIS client the one {@link DailyPriceReadThrough}. */
@AutoConfiguration(after = {KisAutoConfiguration.class, CoreDataAutoConfiguration.class,
        MarketClockAutoConfiguration.class, KrxCalendarAutoConfiguration.class})
@ConditionalOnBean({KisClient.class, DailyPriceRepository.class, TradingCalendar.class, MarketClock.class})
public class DailyPriceReadThroughAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DailyPriceReadThrough dailyPriceReadThrough(DailyPriceRepository repository, KisClient kis,
                                                TradingCalendar calendar, MarketClock clock) {
        return new DailyPriceReadThrough(repository, kis, calendar, clock);
    }
}
