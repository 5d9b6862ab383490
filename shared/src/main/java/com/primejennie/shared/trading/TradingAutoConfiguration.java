package com.primejennie.shared.trading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.settings.SettingKeys;

/**
 * The shared trading contracts every app gets: {@link TradingFlags} and the one {@link DryRun} (when Redis is
 * configured), {@link TradingCosts} from {@code TRADING_FEE_RATE} / {@code TRADING_SELL_TAX_RATE}, and the
 * {@link SectorGroups} mapping, and {@link TradingDay} ("today" for daily limits). Each backs off when the app defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "com.primejennie.shared.market.MarketClockAutoConfiguration",
        "com.primejennie.shared.market.KrxCalendarAutoConfiguration"})
public class TradingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StringRedisTemplate.class)
    TradingFlags tradingFlags(StringRedisTemplate redis, ObjectProvider<MarketClock> clock, Environment environment) {
        MarketClock marketClock = clock.getIfAvailable(() -> Instant::now);
        return new TradingFlags(redis, marketClock, InstantSource.system(),
                environment.getProperty("jennie.trading.flags.cache-ttl", Duration.class,
                        TradingFlags.DEFAULT_CACHE_TTL),
                environment.getProperty("jennie.trading.flags.stale-limit", Duration.class,
                        TradingFlags.DEFAULT_STALE_LIMIT));
    }

    @Bean
    @ConditionalOnMissingBean(DryRun.class)
    @ConditionalOnBean(TradingFlags.class)
    DryRunResolver dryRun(TradingFlags flags, Environment environment) {
        String configuredDefault = environment.getProperty("jennie.trading.dry-run-default");
        boolean profileDefault = configuredDefault == null || configuredDefault.isBlank()
                ? DryRunResolver.defaultFor(environment.getProperty("jennie.trading-mode"))
                : Boolean.parseBoolean(configuredDefault.trim());
        return new DryRunResolver(flags, environment.getProperty("DRY_RUN"), profileDefault);
    }

    @Bean
    @ConditionalOnMissingBean
    TradingCosts tradingCosts(Environment environment) {
        return new TradingCosts(
                rate(environment, SettingKeys.TRADING_FEE_RATE.name(), TradingCosts.DEFAULT.feeRate()),
                rate(environment, SettingKeys.TRADING_SELL_TAX_RATE.name(), TradingCosts.DEFAULT.sellTaxRate()));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({MarketClock.class, TradingCalendar.class})
    TradingDay tradingDay(MarketClock clock, TradingCalendar calendar) {
        return new TradingDay(clock, calendar);
    }

    @Bean
    @ConditionalOnMissingBean
    SectorGroups sectorGroups(Environment environment) {
        return SectorGroups.from(environment);
    }

    private static BigDecimal rate(Environment environment, String name, BigDecimal fallback) {
        String raw = environment.getProperty(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a fraction such as 0.00015, got '" + raw + "'", e);
        }
    }
}
