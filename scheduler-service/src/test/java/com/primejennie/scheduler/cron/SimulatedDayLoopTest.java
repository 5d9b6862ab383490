package com.primejennie.scheduler.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.scheduler.SchedulerProperties;
import com.primejennie.scheduler.SchedulerTestSupport;
import com.primejennie.scheduler.schedule.CronSchedule;
import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.scheduler.manage.JobService;
import com.primejennie.scheduler.publish.DelayedPublications;
import com.primejennie.scheduler.publish.JobPublisher;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.SimulatedMarketClock;
import com.primejennie.shared.market.SimulationAnchor;
import com.primejennie.shared.messaging.StreamMessaging;

import tools.jackson.databind.JsonNode;

/**
 * The real {@link ClockLoop} on a {@link SimulatedMarketClock} running 600 times real speed (a market hour in six
 * real seconds): it sleeps in real time, reads the market clock each tick, and fires the scout job at 08:30 and 09:30
 * of the simulated morning - which a JVM timer on the wall clock never would.
 */
class SimulatedDayLoopTest extends SchedulerTestSupport {

    @Autowired
    JobRepository jobs;
    @Autowired
    CronSchedule schedule;
    @Autowired
    StreamMessaging messaging;
    @Autowired
    SchedulerProperties properties;

    @Test
    void aSimulatedClockRunning600xFiresTheMorningsScoutRunsAtTheirCronInstants() throws Exception {
        Instant start = LocalDateTime.parse("2026-03-09T08:29:00").atZone(MarketClock.KST).toInstant();
        SimulatedMarketClock simulated = new SimulatedMarketClock(new SimulationAnchor(start, Instant.now(), 600));
        JobPublisher publisher = new JobPublisher(messaging, jobs, new DelayedPublications(redis), simulated);
        JobService service = new JobService(jobs, schedule, publisher, simulated, properties);
        CronFirer simulatedFirer = new CronFirer(jobs, service, schedule, publisher,
                new FireClaims(redis, "simulation", properties.claimTtl()), simulated, properties, () -> true);
        ClockLoop loop = new ClockLoop("simulated-cron", simulated, Duration.ofMillis(100),
                (now, step) -> simulatedFirer.tickAfter(step));

        loop.start();
        try {
            Instant end = LocalDateTime.parse("2026-03-09T09:33:00").atZone(MarketClock.KST).toInstant();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (simulated.instant().isBefore(end) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            loop.stop();
        }

        JsonNode runs = ok("GET", "/jobs/scout-job", null).path("runs");
        assertThat(runs).extracting(r -> r.path("fire_at").asString()).containsExactlyInAnyOrder(
                WireTime.format(LocalDateTime.parse("2026-03-09T08:30:00").atZone(MarketClock.KST).toInstant()),
                WireTime.format(LocalDateTime.parse("2026-03-09T09:30:00").atZone(MarketClock.KST).toInstant()));
        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).hasSize(2)
                .allSatisfy(p -> assertThat(p.path("trigger_source").asString()).isEqualTo("scheduler"));
    }
}
