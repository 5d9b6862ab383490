package com.primejennie.scheduler;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.scheduler.cron.ClockLoop;
import com.primejennie.scheduler.cron.CronFirer;
import com.primejennie.scheduler.schedule.CronSchedule;
import com.primejennie.scheduler.cron.FireClaims;
import com.primejennie.scheduler.cron.SchedulerHealthIndicator;
import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.scheduler.manage.JobService;
import com.primejennie.scheduler.publish.DelayedPublications;
import com.primejennie.scheduler.publish.JobPublisher;
import com.primejennie.scheduler.results.JobResultRecorder;
import com.primejennie.scheduler.watchman.HealthProbe;
import com.primejennie.scheduler.watchman.Watchman;
import com.primejennie.scheduler.watchman.WatchmanProperties;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.schema.SchemaMigrator;

/** Wires the scheduler: jobs, cron firing on the market clock, publication, outcome recording and the watchman. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulerProperties.class, WatchmanProperties.class})
public class SchedulerConfiguration {

    @Bean
    JobRepository jobRepository(DataSource dataSource) {
        return new JobRepository(dataSource);
    }

    @Bean
    CronSchedule cronSchedule(TradingCalendar calendar) {
        return new CronSchedule(calendar);
    }

    @Bean
    DelayedPublications delayedPublications(StringRedisTemplate redis) {
        return new DelayedPublications(redis);
    }

    @Bean
    JobPublisher jobPublisher(StreamMessaging messaging, JobRepository jobs, DelayedPublications delayed,
                              MarketClock clock) {
        return new JobPublisher(messaging, jobs, delayed, clock);
    }

    @Bean
    JobService jobService(JobRepository jobs, CronSchedule schedule, JobPublisher publisher, MarketClock clock,
                          SchedulerProperties properties) {
        return new JobService(jobs, schedule, publisher, clock, properties);
    }

    @Bean
    FireClaims fireClaims(StringRedisTemplate redis, SchedulerProperties properties) {
        return new FireClaims(redis, instanceName(), properties.claimTtl());
    }

    @Bean
    CronFirer cronFirer(JobRepository jobs, JobService service, CronSchedule schedule, JobPublisher publisher,
                        FireClaims claims, MarketClock clock, SchedulerProperties properties,
                        ObjectProvider<SchemaMigrator> schema) {
        return new CronFirer(jobs, service, schedule, publisher, claims, clock, properties, () -> {
            SchemaMigrator migrator = schema.getIfAvailable();
            return migrator == null || migrator.status().state() == SchemaMigrator.State.MIGRATED;
        });
    }

    /** The cron loop; a fast simulated clock widens the grace to a few of its ticks. */
    @Bean
    @ConditionalOnProperty(name = "jennie.scheduler.loop-enabled", havingValue = "true", matchIfMissing = true)
    ClockLoop cronLoop(CronFirer firer, MarketClock clock, SchedulerProperties properties) {
        return new ClockLoop("scheduler-cron", clock, properties.tickInterval(), (now, step) -> firer.tickAfter(step));
    }

    @Bean
    TradingSignalWorker<JobResult> jobResultsWorker(StreamMessaging messaging, JobRepository jobs,
                                                    MarketClock clock) {
        return messaging.worker(JobIds.RESULTS_STREAM, JobResultRecorder.GROUP, JobResult.class,
                new JobResultRecorder(jobs, clock));
    }

    @Bean
    HealthProbe healthProbe(WatchmanProperties properties, StringRedisTemplate redis) {
        return new HealthProbe(properties, redis);
    }

    @Bean
    Watchman watchman(WatchmanProperties properties, HealthProbe probe, StringRedisTemplate redis, Notifier notifier,
                      TradingCalendar calendar, MarketClock clock) {
        return new Watchman(properties, probe, redis, notifier, calendar, clock);
    }

    @Bean
    @ConditionalOnExpression("${jennie.scheduler.loop-enabled:true} and ${jennie.scheduler.watchman.enabled:true}")
    ClockLoop watchmanLoop(Watchman watchman, MarketClock clock, SchedulerProperties properties) {
        return new ClockLoop("scheduler-watchman", clock, properties.tickInterval(), (now, step) -> watchman.tick());
    }

    /** Health {@code scheduler}: DOWN when a clock loop has not ticked for 30 s (only when the loops run). */
    @Bean
    @ConditionalOnProperty(name = "jennie.scheduler.loop-enabled", havingValue = "true", matchIfMissing = true)
    SchedulerHealthIndicator schedulerHealthIndicator(java.util.List<ClockLoop> loops) {
        return new SchedulerHealthIndicator(loops, java.time.Duration.ofSeconds(30));
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
