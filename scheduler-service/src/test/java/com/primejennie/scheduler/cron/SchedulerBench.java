package com.primejennie.scheduler.cron;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import com.primejennie.scheduler.SchedulerTestSupport;
import com.primejennie.shared.domain.JobIds;

/**
 * Not a test (no {@code Test} suffix, so the build skips it): run by {@code scripts/bench-scheduler.sh}. Measures what
 * one tick of the cron loop costs against the real Redis and MariaDB, with the 9 default jobs and with 100 more, and
 * how long a whole trading week of one-minute ticks takes. Prints one {@code scheduler: ...} line.
 */
class SchedulerBench extends SchedulerTestSupport {

    @Test
    void measure() {
        LocalDateTime t = LocalDateTime.parse("2026-03-09T00:00:00");
        long start = System.nanoTime();
        int ticks = 0;
        while (t.isBefore(LocalDateTime.parse("2026-03-14T00:00:00"))) {
            tickAt(t);
            t = t.plusMinutes(1);
            ticks++;
        }
        double weekSeconds = (System.nanoTime() - start) / 1e9;
        int fires = published(JobIds.SCOUT_STREAM, null).size() + published(JobIds.DATA_STREAM, null).size();
        double idle9 = msPerTick(200);
        for (int i = 0; i < 100; i++) {
            ok("POST", "/jobs", """
                    {"job_id":"bench-%03d","queue":"real.jobs.bench","cron_expr":"*/5 9-15 * * 1-5"}""".formatted(i));
        }
        double idle109 = msPerTick(100);
        System.out.printf("scheduler: tick %.1f ms (9 jobs), %.1f ms (109 jobs); a week of 1-minute ticks (%d) in %.1f s,"
                + " %d fires%n", idle9, idle109, ticks, weekSeconds, fires);
    }

    private double msPerTick(int n) {
        clock.setKst(LocalDateTime.parse("2026-03-16T12:00:00"));
        for (int i = 0; i < 20; i++) {
            firer.tick();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMillis(250));
            firer.tick();
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }
}
