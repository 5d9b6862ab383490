package com.primejennie.shared.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.primejennie.shared.persistence.ScratchDatabase;

/** The schema (V1 and later migrations) and the background migrator, on the real MariaDB. */
public class SchemaMigratorTest {

    /** Every table V1 creates, as the Python suite names them. */
    public static final List<String> V1_TABLES = List.of(
            "ACTIVE_PORTFOLIO", "ACTIVE_PORTFOLIO_MOCK", "TRADELOG", "TRADELOG_MOCK", "WATCHLIST",
            "WATCHLIST_HISTORY", "DAILY_ASSET_SNAPSHOT", "AGENT_COMMANDS", "AGENT_COMMANDS_MOCK", "CONFIG",
            "BACKTEST_TRADELOG", "STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "STOCK_MINUTE_PRICE", "STOCK_FUNDAMENTALS",
            "STOCK_INVESTOR_TRADING", "MARKET_FLOW_SNAPSHOT", "STOCK_NEWS_SENTIMENT", "NEWS_SENTIMENT",
            "NEWS_SENTIMENT_MOCK", "RAG_CACHE", "LLM_DECISION_LEDGER", "LLM_EVAL_CACHE", "DAILY_MACRO_INSIGHT",
            "DAILY_BRIEFING_LOG");

    /** The order service's tables (V3). */
    public static final List<String> V3_TABLES = List.of("ORDER_LEDGER", "ORDER_LEDGER_MOCK", "ORDER_FILL",
            "ORDER_FILL_MOCK");

    /** The table V4 (command audit) creates. */
    public static final List<String> V4_TABLES = List.of("COMMAND_AUDIT");

    /** The tables V5 (scheduler) creates: the Python scheduler's {@code jobs} and the Java side tables. */
    public static final List<String> V5_TABLES = List.of("jobs", "SCHEDULER_JOB_OPTIONS", "SCHEDULER_JOB_RUNS");

    /** The tables V2 (platform contracts) adds. */
    public static final List<String> V2_TABLES = List.of("STOCK_NEWS_SENTIMENT_MOCK", "FINANCIAL_METRICS_QUARTERLY",
            "FACTOR_PERFORMANCE", "SHADOW_RADAR_LOG");

    /**
     * The versions of the migrations shipped ("1", "2", ...), ascending, read from the classpath, so a later
     * migration (V3 order lifecycle, ...) needs no edit of the version pins here.
     */
    public static final List<String> VERSIONS = migrationVersions();
    /** The schema version after every migration ran. */
    public static final String LATEST_VERSION = VERSIONS.get(VERSIONS.size() - 1);

    private static List<String> migrationVersions() {
        try {
            var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/V*__*.sql");
            return java.util.Arrays.stream(resources).map(r -> r.getFilename())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .distinct().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SchemaProperties fastRetry() {
        return new SchemaProperties(true, "classpath:db/migration", Duration.ofMillis(20), Duration.ofMillis(100));
    }

    @Test
    void createsEveryTableUpperCaseInUtf8mb4OnAFreshDatabase() {
        try (ScratchDatabase db = ScratchDatabase.create("fresh")) {
            SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), SchemaProperties.defaults());

            assertThat(migrator.migrateOnce()).isTrue();

            List<String> tables = db.jdbc().sql("SELECT TABLE_NAME FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> 'flyway_schema_history'").param(db.name())
                    .query(String.class).list();
            assertThat(tables).containsAll(V1_TABLES).containsAll(V2_TABLES).containsAll(V3_TABLES)
                    .containsAll(V4_TABLES).containsAll(V5_TABLES);
            List<String> collations = db.jdbc().sql("SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = ?").param(db.name()).query(String.class).list();
            assertThat(collations).allSatisfy(collation -> assertThat(collation).startsWith("utf8mb4"));
            assertThat(migrator.status().state()).isEqualTo(SchemaMigrator.State.MIGRATED);
            assertThat(migrator.status().schemaVersion()).isEqualTo(LATEST_VERSION);
        }
    }

    @Test
    void stockMinutePriceHasExactlyTheColumnsTheFeedWrites() {
        try (ScratchDatabase db = ScratchDatabase.migrated("minute")) {
            List<Map<String, Object>> columns = db.jdbc().sql("SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_KEY "
                            + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'STOCK_MINUTE_PRICE' "
                            + "ORDER BY ORDINAL_POSITION").param(db.name()).query().listOfRows();

            assertThat(columns).extracting(row -> row.get("COLUMN_NAME") + " " + row.get("COLUMN_TYPE"))
                    .containsExactly("PRICE_TIME datetime", "STOCK_CODE varchar(20)", "OPEN_PRICE decimal(15,2)",
                            "HIGH_PRICE decimal(15,2)", "LOW_PRICE decimal(15,2)", "CLOSE_PRICE decimal(15,2)",
                            "VOLUME bigint(20)", "ACCUM_VOLUME bigint(20)", "CREATED_AT datetime");
            List<String> primaryKey = db.jdbc().sql("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                            + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'STOCK_MINUTE_PRICE' AND CONSTRAINT_NAME = 'PRIMARY' "
                            + "ORDER BY ORDINAL_POSITION").param(db.name()).query(String.class).list();
            assertThat(primaryKey).containsExactly("PRICE_TIME", "STOCK_CODE");
        }
    }

    @Test
    void secondRunFindsNothingToDo() {
        try (ScratchDatabase db = ScratchDatabase.migrated("twice")) {
            long applied = db.jdbc().sql("SELECT COUNT(*) FROM flyway_schema_history").query(Long.class).single();
            SchemaMigrator again = new SchemaMigrator(db.dataSource(), SchemaProperties.defaults());

            assertThat(again.migrateOnce()).isTrue();

            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM flyway_schema_history").query(Long.class).single())
                    .isEqualTo((long) VERSIONS.size());
        }
    }

    @Test
    void twoServicesMigratingOneFreshDatabaseAtOnceAreSerialisedByFlywaysLock() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("race")) {
            int services = 3;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(services);
            try {
                List<Callable<SchemaMigrator>> tasks = new java.util.ArrayList<>();
                for (int i = 0; i < services; i++) {
                    tasks.add(() -> {
                        SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), SchemaProperties.defaults());
                        go.await();
                        migrator.migrateOnce();
                        return migrator;
                    });
                }
                List<Future<SchemaMigrator>> results = new java.util.ArrayList<>();
                tasks.forEach(task -> results.add(pool.submit(task)));
                go.countDown();
                for (Future<SchemaMigrator> result : results) {
                    SchemaMigrator.Status status = result.get(60, TimeUnit.SECONDS).status();
                    assertThat(status.state()).as("first attempt of every migrator, error: %s", status.lastError())
                            .isEqualTo(SchemaMigrator.State.MIGRATED);
                    assertThat(status.failedAttempts()).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Map<String, Object>> history = db.jdbc().sql("SELECT version, success FROM flyway_schema_history "
                    + "ORDER BY installed_rank").query().listOfRows();
            assertThat(history).extracting(row -> String.valueOf(row.get("version"))).containsExactlyElementsOf(VERSIONS);
            assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isIn(true, 1, 1L));
        }
    }

    @Test
    void keepsRetryingWhileTheDatabaseIsDownThenMigratesWhenItReturns() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("outage")) {
            SwitchableDataSource dataSource = new SwitchableDataSource(db.dataSource());
            dataSource.down = true;
            SchemaMigrator migrator = new SchemaMigrator(dataSource, fastRetry());
            SchemaHealthIndicator health = new SchemaHealthIndicator(migrator);
            migrator.start();
            try {
                awaitTrue(() -> migrator.status().failedAttempts() >= 3);
                assertThat(migrator.isRunning()).isTrue();
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails()).containsEntry("state", "RETRYING")
                        .containsKey("lastError");
                assertThat(String.valueOf(health.health().getDetails().get("lastError")))
                        .contains("database is down (test)");

                dataSource.down = false;

                assertThat(migrator.awaitMigrated(Duration.ofSeconds(60))).isTrue();
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                assertThat(health.health().getDetails()).containsEntry("version", LATEST_VERSION);
            } finally {
                migrator.stop();
            }
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                    + "AND TABLE_NAME = 'TRADELOG'").param(db.name()).query(Long.class).single()).isEqualTo(1L);
        }
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        SchemaProperties properties = new SchemaProperties(true, "classpath:db/migration", Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        Map<Integer, Duration> expected = Map.of(1, Duration.ofSeconds(1), 2, Duration.ofSeconds(2),
                3, Duration.ofSeconds(4), 6, Duration.ofSeconds(32), 7, Duration.ofSeconds(60),
                40, Duration.ofSeconds(60));
        expected.forEach((failures, wait) -> assertThat(properties.backoffAfter(failures))
                .as("after %d failures", failures).isEqualTo(wait));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(10);
        }
    }

    /** A DataSource that refuses connections while {@link #down}, like a MariaDB outage. */
    static final class SwitchableDataSource implements DataSource {
        private final DataSource target;
        volatile boolean down;

        SwitchableDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("database is down (test)", "08S01");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
