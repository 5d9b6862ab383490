package com.primejennie.scoutjob.scout.run;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.scoutjob.scout.analyst.UnifiedAnalyst;
import com.primejennie.scoutjob.scout.feedback.AnalystFeedbackTask;
import com.primejennie.scoutjob.scout.inputs.ScoutDataReader;
import com.primejennie.scoutjob.scout.news.NewsContextClient;
import com.primejennie.scoutjob.scout.output.DecisionLog;
import com.primejennie.scoutjob.scout.output.HotWatchlistWriter;
import com.primejennie.scoutjob.scout.output.PipelineStatus;
import com.primejennie.scoutjob.scout.output.WatchlistTableWriter;
import com.primejennie.scoutjob.scout.quant.QuantScorerV2;
import com.primejennie.scoutjob.scout.universe.UniverseBuilder;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.jobs.ParallelRunLimit;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.llm.LlmClient;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.TableNames;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.persistence.WatchlistRepository;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.trading.SectorGroups;

/**
 * Wires the scout: the pipeline and its parts, the job runner of {@code stream:jobs:scout} (group
 * {@code group_scout_worker}; a full run for any job id, the feedback task for {@code analyst-feedback-update}),
 * and the {@code POST /scout} publisher. The data jobs of the same app have their own runner on their own stream.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoutProperties.class)
public class ScoutConfiguration {

    @Bean
    PipelineStatus scoutPipelineStatus(StringRedisTemplate redis) {
        return new PipelineStatus(redis);
    }

    @Bean
    NewsContextClient scoutNewsContext(ScoutProperties properties) {
        return new NewsContextClient(properties.newsUrl(), properties.newsTimeout());
    }

    @Bean
    ScoutPipeline scoutPipeline(DataSource dataSource, StockMasterRepository master, DailyPriceRepository prices,
                                TableNames tables, SectorGroups groups, ObjectProvider<KisClient> kis, LlmClient llm,
                                NewsContextClient news, RuntimeSettings settings, StringRedisTemplate redis,
                                ActivePortfolioRepository portfolio, TradeLogRepository tradeLog,
                                WatchlistRepository watchlist, PipelineStatus status, MarketClock clock,
                                TradingCalendar calendar, ObjectProvider<Notifier> notifier,
                                ScoutProperties properties) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Notifier n = notifier.getIfAvailable(() -> text -> false);
        return new ScoutPipeline(new ScoutPipeline.Parts(master, new ScoutDataReader(jdbc, prices, tables),
                new UniverseBuilder(groups), groups, kis.getIfAvailable(), new QuantScorerV2(),
                new UnifiedAnalyst(llm), news, settings, redis, portfolio, tradeLog, new HotWatchlistWriter(redis),
                new WatchlistTableWriter(watchlist, jdbc, tx), new DecisionLog(jdbc), status, clock, calendar, n,
                properties));
    }

    @Bean
    ScoutRunner scoutRunner(ScoutPipeline pipeline, TradingCalendar calendar, StringRedisTemplate redis,
                            MarketClock clock, ScoutProperties properties,
                            @Value("${jennie.trading-mode:MOCK}") String tradingMode) {
        boolean mock = "MOCK".equalsIgnoreCase(tradingMode.trim());
        return new ScoutRunner(pipeline, new RunGuard(calendar, properties.disableMarketOpenCheck() || mock),
                new RunLock(redis, properties.runLockTtl()), clock);
    }

    @Bean
    AnalystFeedbackTask analystFeedbackTask(DataSource dataSource, LlmClient llm, StringRedisTemplate redis,
                                            MarketClock clock) {
        return new AnalystFeedbackTask(JdbcClient.create(dataSource), llm, redis, clock);
    }

    @Bean(destroyMethod = "close")
    JobRunner scoutJobRunner(StreamMessaging messaging, StringRedisTemplate redis, MarketClock clock,
                             ScoutRunner scout, AnalystFeedbackTask feedback) {
        Clock c = clock.asClock();
        return new JobRunner("scout-job", messaging.publisher(JobIds.RESULTS_STREAM), new ParallelRunLimit(redis, c),
                c, Duration.ofHours(1), Duration.ofSeconds(30))
                .register(JobIds.ANALYST_FEEDBACK, feedback)
                .otherwise(scout);
    }

    /** The stream consumer; off with {@code ENABLE_SCOUT_JOB_WORKER=false} (the Python API-only deployment). */
    @Bean
    @ConditionalOnProperty(name = "jennie.scout.worker-enabled", havingValue = "true", matchIfMissing = true)
    TradingSignalWorker<JobMessage> scoutJobWorker(StreamMessaging messaging,
                                                   @Qualifier("scoutJobRunner") JobRunner scoutJobRunner) {
        return messaging.worker(JobIds.SCOUT_STREAM, Streams.GROUP_SCOUT_WORKER, JobMessage.class, scoutJobRunner);
    }

    @Bean
    TradingSignalPublisher<Object> scoutJobPublisher(StreamMessaging messaging) {
        return messaging.publisher(JobIds.SCOUT_STREAM);
    }
}
