package com.primejennie.scheduler;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.ArchitectureRules;
import com.primejennie.shared.testing.RealServicesTest;

/** The app as it ships (clock loops on); its context is closed after the class so its loops stop. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServicesTest
@DirtiesContext
class SchedulerServiceApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthReadinessAndMetricsAgainstRealRedisAndMariadb() {
        AppContract.assertOperable(port, "scheduler-service");
    }

    @Test
    void reportsItsClockLoopsInHealthAndCreatesTheDefaultJobs() throws InterruptedException {
        AppContract.awaitReady(port, java.time.Duration.ofSeconds(90));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String jobs = "";
        while (!jobs.contains("scout-job") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            jobs = AppContract.get(port, "/jobs").body();
        }
        String health = AppContract.get(port, "/actuator/health").body();

        org.assertj.core.api.Assertions.assertThat(jobs).contains("\"scout-job\"").contains("stream:jobs:scout");
        org.assertj.core.api.Assertions.assertThat(health).contains("\"scheduler\"").contains("scheduler-cron")
                .contains("scheduler-watchman");
    }

    @Test
    void dependsOnNoOtherApp() {
        ArchitectureRules.assertAppIsIndependent("com.primejennie.scheduler");
    }
}
