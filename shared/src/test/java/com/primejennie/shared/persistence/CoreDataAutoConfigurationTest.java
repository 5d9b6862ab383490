package com.primejennie.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.notify.AsyncNotifier;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.testing.RealServices;

/** What an app gets from shared for its data, started the way a service starts. */
class CoreDataAutoConfigurationTest {

    @SpringBootApplication
    static class MinimalApp {
    }

    private static ConfigurableApplicationContext start(String jdbcUrl, String... extra) {
        SpringApplication app = new SpringApplication(MinimalApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        var db = RealServices.database();
        String[] args = {"--spring.data.redis.url=" + RealServices.redis().url(), "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.connection-timeout=500", "--jennie.schema.initial-backoff=50ms",
                "--jennie.schema.max-backoff=200ms", "--spring.main.banner-mode=off",
                "--jennie.dependency-watch.enabled=false"};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return app.run(all);
    }

    @Test
    void anAppStartsWithTheDatabaseDownAndIsNotReadyUntilTheSchemaIsMigrated() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext context = start("jdbc:mariadb://127.0.0.1:" + closedPort + "/jennie_db")) {
            SchemaMigrator migrator = context.getBean(SchemaMigrator.class);
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            awaitTrue(() -> migrator.status().failedAttempts() >= 2);

            assertThat(context.isRunning()).isTrue();
            assertThat(migrator.isRunning()).isTrue();
            assertThat(health.healthForPath("schema").getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.healthForPath("readiness", "schema").getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void anAppMigratesInTheBackgroundAndGetsRepositoriesSettingsAndTheNotifier() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("app");
             ConfigurableApplicationContext context = start(db.jdbcUrl(), "--TRADING_MODE=MOCK",
                     "--MAX_PORTFOLIO_SIZE=8")) {
            SchemaMigrator migrator = context.getBean(SchemaMigrator.class);
            assertThat(migrator.awaitMigrated(Duration.ofSeconds(120))).isTrue();
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            assertThat(health.healthForPath("schema").getStatus()).isEqualTo(Status.UP);
            assertThat(health.healthForPath("readiness", "schema").getStatus()).isEqualTo(Status.UP);

            assertThat(context.getBean(TableNames.class).mock()).isTrue();
            context.getBean(ActivePortfolioRepository.class).recordBuy("005930", "삼성전자", 1, 70_000,
                    new BigDecimal("66500"));
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM ACTIVE_PORTFOLIO_MOCK").query(Long.class).single())
                    .isEqualTo(1L);

            context.getBean(ConfigRepository.class).upsert("MAX_BUY_COUNT_PER_DAY", "3", null);
            RuntimeSettings settings = context.getBean(RuntimeSettings.class);
            assertThat(settings.get(SettingKeys.MAX_BUY_COUNT_PER_DAY)).isEqualTo(3);
            assertThat(settings.get(SettingKeys.MAX_PORTFOLIO_SIZE)).as("env when CONFIG has no row").isEqualTo(8);

            assertThat(context.getBean(Notifier.class)).isInstanceOf(AsyncNotifier.class);
            assertThat(context.getBean(Notifier.class).send("설정 없음")).as("no token configured").isFalse();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
