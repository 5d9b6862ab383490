package com.primejennie.shared.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import com.primejennie.shared.testing.DisposableRedis;
import com.primejennie.shared.testing.RealServices;

/**
 * An app whose Redis is down starts anyway, reports DOWN, keeps running, and reports UP again once Redis returns:
 * the foundation's promise that no service crash-loops over an outage.
 */
class OutageResilienceTest {

    private static final DisposableRedis redis = DisposableRedis.start();

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @SpringBootApplication
    static class MinimalApp {
    }

    private static ConfigurableApplicationContext startApp() {
        SpringApplication app = new SpringApplication(MinimalApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        var db = RealServices.database();
        return app.run("--spring.data.redis.url=" + redis.url(), "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--spring.data.redis.timeout=500ms", "--spring.data.redis.connect-timeout=500ms",
                "--jennie.dependency-watch.interval=200ms", "--spring.main.banner-mode=off");
    }

    @Test
    void startsWhileRedisIsDownReportsDownThenRecovers() {
        redis.stop();
        try (ConfigurableApplicationContext context = startApp()) {
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            DependencyWatch watch = context.getBean(DependencyWatch.class);

            watch.checkNow();
            assertThat(watch.isReachable("Redis")).isFalse();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(context.isRunning()).isTrue();

            redis.startAgain();
            awaitTrue(() -> health.health().getStatus().equals(Status.UP), Duration.ofSeconds(20));
            watch.checkNow();
            assertThat(watch.isReachable("Redis")).isTrue();
            assertThat(watch.isReachable("MariaDB")).isTrue();

            redis.stop();
            awaitTrue(() -> health.health().getStatus().equals(Status.DOWN), Duration.ofSeconds(20));
            assertThat(context.isRunning()).isTrue();
        } finally {
            redis.startAgain();
        }
    }

    private static void awaitTrue(Supplier<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
