package com.primejennie.scheduler.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.scheduler.SchedulerProperties;
import com.primejennie.scheduler.SchedulerTestSupport;
import com.primejennie.scheduler.schedule.CronSchedule;
import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.scheduler.manage.JobService;
import com.primejennie.scheduler.publish.JobPublisher;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/** The cron loop's decisions against real Redis and MariaDB, ticked by hand on a {@code ManualMarketClock}. */
class CronFiringTest extends SchedulerTestSupport {

    @Autowired
    JobRepository jobs;
    @Autowired
    JobService service;
    @Autowired
    CronSchedule schedule;
    @Autowired
    JobPublisher publisher;
    @Autowired
    SchedulerProperties properties;

    private static final LocalDateTime FRIDAY_BEFORE_SEOLLAL = LocalDateTime.parse("2026-02-13T07:00:00");

    private static LocalDateTime queuedAt(JsonNode payload) {
        return OffsetDateTime.parse(payload.path("queued_at").asString()).atZoneSameInstant(MarketClock.KST)
                .toLocalDateTime();
    }

    private void tickEvery10MinutesUntil(LocalDateTime end) {
        LocalDateTime t = clock.now().toLocalDateTime();
        while (!t.isAfter(end)) {
            tickAt(t);
            t = t.plusMinutes(10);
        }
    }

    @Test
    void defaultScoutJobFiresHourlyAt0830To1430KstExactlyAcrossSeollalAndAWeekend() {
        clock.setKst(FRIDAY_BEFORE_SEOLLAL);
        // the defaults were created at MONDAY_0800 of another week; start them counting at Friday 07:00
        resetCursors(FRIDAY_BEFORE_SEOLLAL);

        tickEvery10MinutesUntil(LocalDateTime.parse("2026-02-19T16:00:00"));

        List<LocalDateTime> expected = new ArrayList<>();
        for (String day : List.of("2026-02-13", "2026-02-19")) {
            for (int hour = 8; hour <= 14; hour++) {
                expected.add(LocalDateTime.parse(day + "T%02d:30:00".formatted(hour)));
            }
        }
        List<JsonNode> scout = published(JobIds.SCOUT_STREAM, JobIds.SCOUT);
        assertThat(scout).extracting(CronFiringTest::queuedAt).containsExactlyElementsOf(expected);
        assertThat(scout).allSatisfy(p -> {
            assertThat(p.path("trigger_source").asString()).isEqualTo("scheduler");
            assertThat(p.path("scope").asString()).isEqualTo("real");
            assertThat(p.path("timeout_sec").asInt()).isEqualTo(3600);
            assertThat(p.path("max_parallel").asInt()).isEqualTo(1);
        });
        // Nothing at all fired on the weekend or the three 설날 days (every default but cleanup is trading-days only).
        List<JsonNode> everything = new ArrayList<>(published(JobIds.SCOUT_STREAM, null));
        everything.addAll(published(JobIds.DATA_STREAM, null));
        assertThat(everything).extracting(p -> queuedAt(p).toLocalDate().toString())
                .allMatch(d -> d.equals("2026-02-13") || d.equals("2026-02-19") || d.equals("2026-02-15"));
        assertThat(published(JobIds.DATA_STREAM, JobIds.DATA_CLEANUP)).extracting(CronFiringTest::queuedAt)
                .containsExactly(LocalDateTime.parse("2026-02-15T03:00:00"));
        assertThat(published(JobIds.DATA_STREAM, JobIds.DATA_STOCK_MASTER)).extracting(CronFiringTest::queuedAt)
                .containsExactly(LocalDateTime.parse("2026-02-13T08:00:00"), LocalDateTime.parse("2026-02-19T08:00:00"));
        assertThat(published(JobIds.SCOUT_STREAM, JobIds.ANALYST_FEEDBACK)).extracting(CronFiringTest::queuedAt)
                .containsExactly(LocalDateTime.parse("2026-02-13T18:00:00"));
    }

    @Test
    void noFireAtCreation() {
        tickAt(MONDAY_0800);
        ok("POST", "/jobs", """
                {"job_id":"created-at-fire-time","queue":"real.jobs.test","cron_expr":"0 8 * * 1-5"}""");
        tickAt(MONDAY_0800);
        tickAt(MONDAY_0800.plusMinutes(1));

        assertThat(published("stream:jobs:test", null)).isEmpty();
    }

    @Test
    void pauseAndResumeNeitherDoubleFireNorCatchUpThePausedFires() {
        tickAt(LocalDateTime.parse("2026-03-09T08:30:00"));
        tickAt(LocalDateTime.parse("2026-03-09T09:00:00"));
        ok("POST", "/jobs/scout-job/pause", null);
        tickAt(LocalDateTime.parse("2026-03-09T09:30:00"));
        tickAt(LocalDateTime.parse("2026-03-09T10:30:00"));
        clock.setKst(LocalDateTime.parse("2026-03-09T10:45:00"));
        JsonNode resumed = ok("POST", "/jobs/scout-job/resume", null);
        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).as("resume publishes nothing").hasSize(1);
        tickAt(LocalDateTime.parse("2026-03-09T10:45:00"));
        tickAt(LocalDateTime.parse("2026-03-09T11:30:00"));
        tickAt(LocalDateTime.parse("2026-03-09T11:30:00"));
        tickAt(LocalDateTime.parse("2026-03-09T11:30:20"));
        tickAt(LocalDateTime.parse("2026-03-09T11:45:00"));

        assertThat(resumed.path("enabled").asBoolean()).isTrue();
        assertThat(resumed.path("next_due_at").asString()).isEqualTo("2026-03-09T11:30:00");
        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).extracting(CronFiringTest::queuedAt)
                .containsExactly(LocalDateTime.parse("2026-03-09T08:30:00"),
                        LocalDateTime.parse("2026-03-09T11:30:00"));
    }

    @Test
    void missedFiresAfterDowntimeFollowEachJobsPolicy() {
        ok("POST", "/jobs", """
                {"job_id":"missed-skip","queue":"real.jobs.test","cron_expr":"30 8-14 * * 1-5",
                 "missed_fire_policy":"SKIP"}""");
        ok("POST", "/jobs", """
                {"job_id":"missed-once","queue":"real.jobs.test","cron_expr":"30 8-14 * * 1-5",
                 "missed_fire_policy":"RUN_ONCE"}""");
        tickAt(MONDAY_0800);
        // the scheduler is down from 08:00 to 11:45: 08:30, 09:30, 10:30 and 11:30 pass unseen
        tickAt(LocalDateTime.parse("2026-03-09T11:45:00"));
        tickAt(LocalDateTime.parse("2026-03-09T11:50:00"));

        assertThat(published("stream:jobs:test", "missed-skip")).isEmpty();
        List<JsonNode> once = published("stream:jobs:test", "missed-once");
        assertThat(once).hasSize(1);
        assertThat(once.get(0).path("trigger_source").asString()).isEqualTo("missed_fire");

        tickAt(LocalDateTime.parse("2026-03-09T12:30:00"));

        assertThat(published("stream:jobs:test", "missed-skip")).extracting(p -> p.path("trigger_source").asString())
                .containsExactly("scheduler");
        assertThat(published("stream:jobs:test", "missed-once")).extracting(p -> p.path("trigger_source").asString())
                .containsExactly("missed_fire", "scheduler");
    }

    @Test
    void twoInstancesTickingTogetherPublishEachFireOnce() throws Exception {
        CronFirer second = new CronFirer(jobs, service, schedule, publisher,
                new FireClaims(redis, "second-instance", properties.claimTtl()), clock, properties, () -> true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            LocalDateTime t = MONDAY_0800;
            while (!t.isAfter(LocalDateTime.parse("2026-03-09T17:00:00"))) {
                clock.setKst(t);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> a = pool.submit(() -> {
                    together.await();
                    firer.tick();
                    return null;
                });
                Future<?> b = pool.submit(() -> {
                    together.await();
                    second.tick();
                    return null;
                });
                a.get();
                b.get();
                t = t.plusMinutes(10);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).extracting(CronFiringTest::queuedAt)
                .containsExactly(LocalDateTime.parse("2026-03-09T08:30:00"), LocalDateTime.parse("2026-03-09T09:30:00"),
                        LocalDateTime.parse("2026-03-09T10:30:00"), LocalDateTime.parse("2026-03-09T11:30:00"),
                        LocalDateTime.parse("2026-03-09T12:30:00"), LocalDateTime.parse("2026-03-09T13:30:00"),
                        LocalDateTime.parse("2026-03-09T14:30:00"));
        for (String dataJob : List.of(JobIds.DATA_DAILY_PRICES, JobIds.DATA_INDEX_PRICES, JobIds.DATA_INVESTOR_FLOWS,
                JobIds.DATA_FINANCIALS, JobIds.DATA_ASSET_SNAPSHOT)) {
            assertThat(published(JobIds.DATA_STREAM, dataJob)).as(dataJob).hasSize(1);
        }
    }

    @Test
    void aFastSimulatedClockStillFiresEveryInstantOnTimeThroughTheLoopsWidenedGrace() {
        // A loop tick of a clock running 600x spans 150 s of market time: the loop passes grace = 4 steps.
        LocalDateTime t = LocalDateTime.parse("2026-03-09T08:00:00");
        while (!t.isAfter(LocalDateTime.parse("2026-03-09T15:00:00"))) {
            clock.setKst(t);
            firer.tick(java.time.Duration.ofSeconds(600));
            t = t.plusSeconds(150);
        }

        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).hasSize(7)
                .allSatisfy(p -> assertThat(p.path("trigger_source").asString()).isEqualTo("scheduler"));
    }

    private void resetCursors(LocalDateTime kst) {
        Instant at = kst.atZone(MarketClock.KST).toInstant();
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("UPDATE SCHEDULER_JOB_OPTIONS SET FIRED_THROUGH = ?")
                .param(java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).update();
    }
}
