package com.primejennie.scoutjob.data;

import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.jobs.ParallelRunLimit;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.WatchlistRepository;
import com.primejennie.shared.prices.DailyPriceReadThrough;
import com.primejennie.shared.settings.RuntimeSettings;

import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly data jobs of scout-job: one {@link JobRunner} consuming {@code stream:jobs:data} (group
 * {@code group_data_worker}) with a handler per data job id of {@link JobIds#DATA_JOBS}, each reporting on
 * {@code stream:jobs:results}. Every KIS call goes through the shared client, hence the shared rate budget, in the
 * ordinary lane (orders keep their reserved share). Off with {@code jennie.data-jobs.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataJobsProperties.class)
@ConditionalOnProperty(name = "jennie.data-jobs.enabled", havingValue = "true", matchIfMissing = true)
public class DataJobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataJobsConfiguration.class);

    @Bean
    JobCheckpoints dataJobCheckpoints(StringRedisTemplate redis, DataJobsProperties properties) {
        return new JobCheckpoints(redis, properties.checkpointTtl());
    }

    @Bean
    DataUniverse dataUniverse(WatchlistRepository watchlist, ActivePortfolioRepository portfolio,
                              StringRedisTemplate redis) {
        return new DataUniverse(watchlist, portfolio, redis);
    }

    /**
     * In paper mode the real app key (when configured) answers the read-only market data KIS keeps for real
     * accounts; it has its own budget key in Redis, shared with every other process using that key.
     */
    @Bean
    QuotationSource dataQuotationSource(KisClient kis, KisComponents components, StringRedisTemplate redis,
                                        ObjectProvider<JsonMapper> json, MarketClock clock,
                                        ObjectProvider<Notifier> notifier) {
        if (kis.mode() != KisMode.PAPER) {
            return QuotationSource.single(kis);
        }
        var real = components.properties().real();
        if (real.appKey() == null || real.appKey().isBlank()) {
            log.info("data jobs: paper mode without a real app key; rankings, finance and the index chart may be "
                    + "refused by KIS and each run will say so");
            return new QuotationSource(kis, kis, true);
        }
        KisComponents quotes = KisComponents.create(components.properties(), KisMode.REAL, redis,
                json.getIfAvailable(() -> JsonMapper.builder().build()), clock,
                notifier.getIfAvailable(() -> text -> false));
        log.info("data jobs: paper mode; read-only quotations use the real app key");
        return new QuotationSource(kis, quotes.client(), false);
    }

    @Bean
    JobRunner dataJobRunner(StreamMessaging messaging, StringRedisTemplate redis, MarketClock clock,
                            DataJobsProperties properties, DataPieces pieces) {
        JobRunner runner = new JobRunner("scout-job", messaging.publisher(JobIds.RESULTS_STREAM),
                new ParallelRunLimit(redis, Clock.systemUTC()), clock.asClock(), properties.jobTimeout(),
                java.time.Duration.ofSeconds(30));
        return pieces.registerWith(runner);
    }

    @Bean
    DataPieces dataJobs(QuotationSource kis, DailyPriceReadThrough readThrough, DataUniverse universe,
                        JobCheckpoints checkpoints, StockMasterRepository master, DailyPriceRepository prices,
                        DataSource dataSource, MarketClock clock, RuntimeSettings settings,
                        DataJobsProperties properties, ResourceLoader resources) {
        return DataPieces.create(kis, readThrough, universe, checkpoints, master, prices,
                JdbcClient.create(dataSource), clock, settings, properties,
                resources.getResource(properties.listingsCsv()));
    }

    @Bean
    TradingSignalWorker<JobMessage> dataJobWorker(StreamMessaging messaging, JobRunner dataJobRunner,
                                                  DataJobsProperties properties) {
        return messaging.worker(JobIds.DATA_STREAM, properties.consumerGroup(), JobMessage.class, dataJobRunner);
    }

    /** The seven data jobs, one handler each. */
    public record DataPieces(StockMasterJob stockMaster, DailyPricesJob dailyPrices, IndexPricesJob indexPrices,
                             InvestorFlowsJob investorFlows, FinancialsJob financials, AssetSnapshotJob assetSnapshot,
                             CleanupJob cleanup) {

        /** The jobs over their tables; the one place they are wired (the app and the kis-sim tests use it). */
        public static DataPieces create(QuotationSource kis, DailyPriceReadThrough readThrough, DataUniverse universe,
                                        JobCheckpoints checkpoints, StockMasterRepository master,
                                        DailyPriceRepository prices, JdbcClient jdbc, MarketClock clock,
                                        RuntimeSettings settings, DataJobsProperties properties,
                                        org.springframework.core.io.Resource listings) {
            return new DataPieces(
                    new StockMasterJob(kis, master, universe, listings, properties.rankingLeaders()),
                    new DailyPricesJob(readThrough, universe, checkpoints),
                    new IndexPricesJob(kis, new IndexSeriesTable(jdbc, clock), readThrough, checkpoints,
                            properties.indexCodes()),
                    new InvestorFlowsJob(kis, new InvestorFlowTable(jdbc, clock), universe, readThrough, checkpoints,
                            properties.rankingLeaders()),
                    new FinancialsJob(kis, new FinancialMetricsTable(jdbc, clock), prices, universe, readThrough,
                            checkpoints, properties),
                    new AssetSnapshotJob(kis, jdbc, clock, readThrough),
                    new CleanupJob(jdbc, clock, settings));
        }

        /** Registers each job under its fixed id of {@link JobIds#DATA_JOBS}. */
        public JobRunner registerWith(JobRunner runner) {
            return runner.register(JobIds.DATA_STOCK_MASTER, stockMaster)
                    .register(JobIds.DATA_DAILY_PRICES, dailyPrices)
                    .register(JobIds.DATA_INDEX_PRICES, indexPrices)
                    .register(JobIds.DATA_INVESTOR_FLOWS, investorFlows)
                    .register(JobIds.DATA_FINANCIALS, financials)
                    .register(JobIds.DATA_ASSET_SNAPSHOT, assetSnapshot)
                    .register(JobIds.DATA_CLEANUP, cleanup);
        }
    }
}
