package com.primejennie.shared.persistence;

import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.shared.market.MarketClock;

/** The repositories of the Python suite's tables, with table names chosen once from {@code TRADING_MODE}. */
@ConditionalOnBean(DataSource.class)
public class RepositoryConfiguration {

    /** The injected market clock, or the system clock in an app that defines none. */
    static MarketClock clock(ObjectProvider<MarketClock> clock) {
        return clock.getIfAvailable(() -> Instant::now);
    }

    @Bean
    @ConditionalOnMissingBean
    TableNames tableNames(@Value("${jennie.trading-mode:MOCK}") String tradingMode) {
        return TableNames.forTradingMode(tradingMode);
    }

    @Bean
    @ConditionalOnMissingBean
    ActivePortfolioRepository activePortfolioRepository(DataSource dataSource,
                                                        ObjectProvider<PlatformTransactionManager> transactionManager,
                                                        ObjectProvider<MarketClock> clock, TableNames tables) {
        return new ActivePortfolioRepository(JdbcClient.create(dataSource), new TransactionTemplate(
                transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource))), clock(clock),
                tables);
    }

    @Bean
    @ConditionalOnMissingBean
    TradeLogRepository tradeLogRepository(DataSource dataSource, TableNames tables) {
        return new TradeLogRepository(JdbcClient.create(dataSource), tables);
    }

    @Bean
    @ConditionalOnMissingBean
    WatchlistRepository watchlistRepository(DataSource dataSource, ObjectProvider<MarketClock> clock) {
        return new WatchlistRepository(JdbcClient.create(dataSource), clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    StockMasterRepository stockMasterRepository(DataSource dataSource, ObjectProvider<MarketClock> clock) {
        return new StockMasterRepository(JdbcClient.create(dataSource), clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    DailyPriceRepository dailyPriceRepository(DataSource dataSource, ObjectProvider<MarketClock> clock) {
        return new DailyPriceRepository(JdbcClient.create(dataSource), clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    com.primejennie.shared.audit.CommandAuditLog commandAuditLog(DataSource dataSource,
                                                                 ObjectProvider<MarketClock> clock,
                                                                 @Value("${jennie.trading-mode:MOCK}") String mode) {
        return new com.primejennie.shared.audit.CommandAuditLog(JdbcClient.create(dataSource), clock(clock),
                mode.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigRepository configRepository(DataSource dataSource, ObjectProvider<MarketClock> clock) {
        return new ConfigRepository(JdbcClient.create(dataSource), clock(clock));
    }
}
