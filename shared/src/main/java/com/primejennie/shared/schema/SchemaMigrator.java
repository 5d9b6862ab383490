package com.primejennie.shared.schema;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the database schema up to date with Flyway on a background thread, so a service starts and stays up while
 * MariaDB is down: each failed attempt is retried with a doubling backoff (see {@link SchemaProperties}) until it
 * succeeds, and {@link SchemaHealthIndicator} reports DOWN meanwhile (it is part of the readiness group).
 *
 * <p>Every service may run it at start: Flyway's database lock serialises concurrent migrators, and the second one
 * finds nothing to do. {@code baselineOnMigrate} with baseline version 0 lets it adopt a {@code jennie_db} the Python
 * suite created: the baseline marks the existing schema, then V1 runs and, being all {@code IF NOT EXISTS}, only adds
 * what is missing.
 */
public final class SchemaMigrator implements SmartLifecycle {

    /** Starts before the workers that read and write the tables. */
    public static final int PHASE = Integer.MIN_VALUE / 2;

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    /** Where the migrator is; {@link #MIGRATED} is the only state in which the schema is known to be complete. */
    public enum State { NOT_STARTED, MIGRATING, RETRYING, MIGRATED }

    /** An immutable snapshot for health and logs. */
    public record Status(State state, int failedAttempts, String lastError, String schemaVersion) {
    }

    private final DataSource dataSource;
    private final SchemaProperties properties;
    private final CountDownLatch migrated = new CountDownLatch(1);
    private volatile Status status = new Status(State.NOT_STARTED, 0, null, null);
    private ScheduledExecutorService executor;
    private volatile boolean stopped;

    public SchemaMigrator(DataSource dataSource, SchemaProperties properties) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    public Status status() {
        return status;
    }

    /** Blocks until the schema is migrated or the timeout passes; returns whether it is migrated. */
    public boolean awaitMigrated(java.time.Duration timeout) throws InterruptedException {
        return migrated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One migration attempt on the calling thread; never throws. Public so a caller (or a test) can migrate
     * synchronously.
     *
     * @return whether the schema is now migrated
     */
    public boolean migrateOnce() {
        if (status.state() == State.MIGRATED) {
            return true;
        }
        Status before = status;
        status = new Status(before.failedAttempts() == 0 ? State.MIGRATING : State.RETRYING, before.failedAttempts(),
                before.lastError(), null);
        try {
            Flyway flyway = flyway();
            MigrateResult result = flyway.migrate();
            var current = flyway.info().current();
            String version = current == null ? null : current.getVersion().getVersion();
            status = new Status(State.MIGRATED, before.failedAttempts(), null, version);
            migrated.countDown();
            log.info("Database schema is at version {} ({} migration(s) applied now{})", version,
                    result.migrationsExecuted, before.failedAttempts() > 0
                            ? ", after " + before.failedAttempts() + " failed attempt(s)" : "");
            return true;
        } catch (RuntimeException e) {
            String problem = rootMessage(e);
            int failures = before.failedAttempts() + 1;
            status = new Status(State.RETRYING, failures, problem, null);
            if (stopped) {
                log.debug("Schema migration attempt {} ended by shutdown: {}", failures, problem);
            } else if (before.lastError() == null || !sameProblem(problem, before.lastError())) {
                log.error("Schema migration failed (attempt {}): {} - the service keeps running, health 'schema' is "
                        + "DOWN, retrying in {} ms", failures, problem, properties.backoffAfter(failures).toMillis());
            } else {
                log.debug("Schema migration attempt {} failed again: {}", failures, problem);
            }
            return false;
        }
    }

    private Flyway flyway() {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(properties.locations().split(","))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("Python suite schema (pre-existing)")
                .connectRetries(0)
                .load();
    }

    private void attemptAndReschedule() {
        boolean done = migrateOnce();
        synchronized (this) {
            if (!done && executor != null) {
                executor.schedule(this::attemptAndReschedule,
                        properties.backoffAfter(status.failedAttempts()).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopped = false;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schema-migrator");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::attemptAndReschedule);
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Two failure texts that differ only in numbers (timeouts, ports) are the same problem, logged once. */
    static boolean sameProblem(String a, String b) {
        return a.replaceAll("\\d+", "#").equals(b.replaceAll("\\d+", "#"));
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        String top = error.getMessage() == null ? "" : error.getMessage().lines().findFirst().orElse("");
        String rootText = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return root == error || top.isEmpty() ? rootText : top + " (" + rootText + ")";
    }
}
