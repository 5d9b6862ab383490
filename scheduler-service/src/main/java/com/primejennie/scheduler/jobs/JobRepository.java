package com.primejennie.scheduler.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.core.type.TypeReference;

/**
 * The jobs of the Python {@code jobs} table joined with the Java side tables ({@code SCHEDULER_JOB_OPTIONS},
 * {@code SCHEDULER_JOB_RUNS}, Flyway V5). {@code jobs} timestamps are naive Korea time as the Python scheduler wrote
 * them; the side tables are naive UTC. A job the Python scheduler created has no options row: it reads as
 * trading-days-only, SKIP, with no cursor (the scheduler then starts it at "now", so adoption never fires).
 */
public final class JobRepository {

    private static final String SELECT = """
            SELECT j.job_id, j.scope, j.reschedule_mode, j.interval_seconds, j.description, j.queue, j.cron_expr,
                   j.enabled, j.max_parallel, j.default_params, j.timeout_sec, j.retry_limit, j.telemetry_label,
                   j.created_at, j.updated_at, j.next_due_at, j.last_run_at, j.last_status, j.last_error,
                   o.TRADING_DAYS_ONLY, o.MISSED_FIRE_POLICY, o.FIRED_THROUGH
              FROM jobs j LEFT JOIN SCHEDULER_JOB_OPTIONS o ON o.JOB_ID = j.job_id
            """;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public JobRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** The jobs of {@code scope}, ordered by id. */
    public List<Job> findAll(String scope) {
        return jdbc.sql(SELECT + " WHERE j.scope = ? ORDER BY j.job_id").param(scope).query(this::job).list();
    }

    /** The enabled jobs of {@code scope}. */
    public List<Job> findEnabled(String scope) {
        return jdbc.sql(SELECT + " WHERE j.scope = ? AND j.enabled = 1 ORDER BY j.job_id").param(scope)
                .query(this::job).list();
    }

    /** The job with {@code jobId} in any scope. */
    public Optional<Job> find(String jobId) {
        return jdbc.sql(SELECT + " WHERE j.job_id = ?").param(jobId).query(this::job).optional();
    }

    /** Inserts a new job with its options; {@code firedThrough} is the creation instant (no fire at creation). */
    public void insert(JobSpec spec, String scope, LocalDateTime nowKst, LocalDateTime nextDueKst, Instant now) {
        jdbc.sql("""
                INSERT INTO jobs (job_id, scope, reschedule_mode, interval_seconds, description, queue, cron_expr,
                                  enabled, max_parallel, default_params, timeout_sec, retry_limit, telemetry_label,
                                  created_at, updated_at, next_due_at, last_run_at, last_status, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)
                """).params(spec.jobId(), scope, spec.rescheduleMode(), spec.intervalSeconds(), spec.description(),
                spec.queue(), spec.cronExpr(), spec.enabled(), spec.maxParallel(), json(spec.defaultParams()),
                spec.timeoutSec(), spec.retryLimit(), spec.telemetryLabel(), nowKst, nowKst, nextDueKst).update();
        upsertOptions(spec, now, utc(now));
    }

    /** Writes the editable fields of an existing job; {@code resetCursor} (cron changed, re-enabled) moves it to now. */
    public void update(JobSpec spec, LocalDateTime nowKst, LocalDateTime nextDueKst, Instant now, boolean resetCursor,
                       String lastStatus) {
        jdbc.sql("""
                UPDATE jobs SET reschedule_mode = ?, interval_seconds = ?, description = ?, queue = ?, cron_expr = ?,
                                enabled = ?, max_parallel = ?, default_params = ?, timeout_sec = ?, retry_limit = ?,
                                telemetry_label = ?, updated_at = ?, next_due_at = ?, last_status = ?
                 WHERE job_id = ?
                """).params(spec.rescheduleMode(), spec.intervalSeconds(), spec.description(), spec.queue(),
                spec.cronExpr(), spec.enabled(), spec.maxParallel(), json(spec.defaultParams()), spec.timeoutSec(),
                spec.retryLimit(), spec.telemetryLabel(), nowKst, nextDueKst, lastStatus, spec.jobId()).update();
        upsertOptions(spec, now, resetCursor ? utc(now) : null);
    }

    private void upsertOptions(JobSpec spec, Instant now, LocalDateTime firedThrough) {
        jdbc.sql("""
                INSERT INTO SCHEDULER_JOB_OPTIONS (JOB_ID, TRADING_DAYS_ONLY, MISSED_FIRE_POLICY, FIRED_THROUGH, UPDATED_AT)
                VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE TRADING_DAYS_ONLY = VALUES(TRADING_DAYS_ONLY),
                    MISSED_FIRE_POLICY = VALUES(MISSED_FIRE_POLICY),
                    FIRED_THROUGH = COALESCE(VALUES(FIRED_THROUGH), FIRED_THROUGH), UPDATED_AT = VALUES(UPDATED_AT)
                """).params(spec.jobId(), spec.tradingDaysOnly(), spec.missedFirePolicy().name(),
                firedThrough, utc(now)).update();
    }

    /**
     * Marks fires up to {@code through} as accounted for (never moving the cursor back, so two instances cannot undo
     * each other) and stores the next due time.
     */
    public void advanceCursor(String jobId, Instant through, LocalDateTime nextDueKst) {
        jdbc.sql("""
                INSERT INTO SCHEDULER_JOB_OPTIONS (JOB_ID, TRADING_DAYS_ONLY, MISSED_FIRE_POLICY, FIRED_THROUGH, UPDATED_AT)
                VALUES (?, 1, 'SKIP', ?, ?)
                ON DUPLICATE KEY UPDATE FIRED_THROUGH = GREATEST(COALESCE(FIRED_THROUGH, VALUES(FIRED_THROUGH)),
                    VALUES(FIRED_THROUGH)), UPDATED_AT = VALUES(UPDATED_AT)
                """).params(jobId, utc(through), utc(through)).update();
        jdbc.sql("UPDATE jobs SET next_due_at = ? WHERE job_id = ?").params(nextDueKst, jobId).update();
    }

    /** A scheduled publication: {@code last_run_at}, {@code last_status=queued}, error cleared (Python semantics). */
    public void markFired(String jobId, LocalDateTime nowKst) {
        jdbc.sql("UPDATE jobs SET last_run_at = ?, last_status = 'queued', last_error = NULL WHERE job_id = ?")
                .params(nowKst, jobId).update();
    }

    /** {@code POST /jobs/{id}/last-run}: the job ran elsewhere. */
    public void markDone(String jobId, LocalDateTime nowKst) {
        jdbc.sql("UPDATE jobs SET last_run_at = ?, last_status = 'done', last_error = NULL, updated_at = ?"
                + " WHERE job_id = ?").params(nowKst, nowKst, jobId).update();
    }

    // ------------------------------------------------------------------------------------------------ run records

    /** Records a publication (QUEUED) or a delayed one (DELAYED, no message id yet). */
    public void insertRun(String runId, String jobId, String scope, String trigger, Instant fireAt, Instant queuedAt,
                          String stream, String messageId, String status) {
        jdbc.sql("""
                INSERT INTO SCHEDULER_JOB_RUNS (RUN_ID, JOB_ID, SCOPE, TRIGGER_SOURCE, FIRE_AT, QUEUED_AT, STREAM_NAME,
                                                MESSAGE_ID, STATUS, UPDATED_AT)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(runId, jobId, scope, trigger, fireAt == null ? null : utc(fireAt), utc(queuedAt), stream,
                messageId, status, utc(queuedAt)).update();
    }

    /** A delayed run was published. */
    public void markRunQueued(String runId, String messageId, Instant at) {
        jdbc.sql("UPDATE SCHEDULER_JOB_RUNS SET MESSAGE_ID = ?, STATUS = 'QUEUED', QUEUED_AT = ?, UPDATED_AT = ?"
                + " WHERE RUN_ID = ? AND STATUS = 'DELAYED'").params(messageId, utc(at), utc(at), runId).update();
    }

    /**
     * Records a consumer's outcome against its run (a run the scheduler did not publish gets a row of its own) and
     * the job's {@code last_status}/{@code last_error}.
     */
    public void recordResult(JobResult result, Instant receivedAt) {
        // The job first, then its run: a reader that sees the outcome also sees the job's status.
        String status = switch (result.status()) {
            case SUCCEEDED -> "done";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed_out";
            case SKIPPED -> "skipped";
        };
        jdbc.sql("UPDATE jobs SET last_status = ?, last_error = ? WHERE job_id = ?")
                .params(status, result.error(), result.jobId()).update();
        LocalDateTime started = parseUtc(result.startedAt());
        LocalDateTime finished = parseUtc(result.finishedAt());
        jdbc.sql("""
                INSERT INTO SCHEDULER_JOB_RUNS (RUN_ID, JOB_ID, SCOPE, STATUS, ATTEMPT, STARTED_AT, FINISHED_AT,
                                                DURATION_MS, RESULT_MESSAGE, ERROR, STATS, SERVICE, UPDATED_AT)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE STATUS = VALUES(STATUS), ATTEMPT = VALUES(ATTEMPT),
                    STARTED_AT = COALESCE(STARTED_AT, VALUES(STARTED_AT)), FINISHED_AT = VALUES(FINISHED_AT),
                    DURATION_MS = VALUES(DURATION_MS), RESULT_MESSAGE = VALUES(RESULT_MESSAGE), ERROR = VALUES(ERROR),
                    STATS = VALUES(STATS), SERVICE = VALUES(SERVICE), UPDATED_AT = VALUES(UPDATED_AT)
                """).params(result.runId() == null ? "unknown-" + receivedAt.toEpochMilli() : result.runId(),
                result.jobId(), result.scope(), result.status().name(), result.attempt(), started, finished,
                result.durationMs(), result.message(), result.error(), json(result.stats()), result.service(),
                utc(receivedAt)).update();
    }

    /** The latest runs of {@code jobId}, newest first, as the API shows them. */
    public List<Map<String, Object>> recentRuns(String jobId, int limit) {
        return jdbc.sql("""
                SELECT RUN_ID, TRIGGER_SOURCE, FIRE_AT, QUEUED_AT, STREAM_NAME, MESSAGE_ID, STATUS, ATTEMPT, STARTED_AT,
                       FINISHED_AT, DURATION_MS, RESULT_MESSAGE, ERROR, STATS, SERVICE, UPDATED_AT
                  FROM SCHEDULER_JOB_RUNS WHERE JOB_ID = ? ORDER BY UPDATED_AT DESC, RUN_ID LIMIT ?
                """).params(jobId, limit).query((rs, n) -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run_id", rs.getString("RUN_ID"));
            run.put("trigger_source", rs.getString("TRIGGER_SOURCE"));
            run.put("fire_at", utcIso(rs, "FIRE_AT"));
            run.put("queued_at", utcIso(rs, "QUEUED_AT"));
            run.put("stream", rs.getString("STREAM_NAME"));
            run.put("message_id", rs.getString("MESSAGE_ID"));
            run.put("status", rs.getString("STATUS"));
            run.put("attempt", rs.getObject("ATTEMPT"));
            run.put("started_at", utcIso(rs, "STARTED_AT"));
            run.put("finished_at", utcIso(rs, "FINISHED_AT"));
            run.put("duration_ms", rs.getObject("DURATION_MS"));
            run.put("message", rs.getString("RESULT_MESSAGE"));
            run.put("error", rs.getString("ERROR"));
            run.put("stats", rs.getString("STATS") == null ? Map.of() : readMap(rs.getString("STATS")));
            run.put("service", rs.getString("SERVICE"));
            return run;
        }).list();
    }

    // ------------------------------------------------------------------------------------------------ mapping

    private Job job(ResultSet rs, int row) throws SQLException {
        Object tdo = rs.getObject("TRADING_DAYS_ONLY");
        String policy = rs.getString("MISSED_FIRE_POLICY");
        LocalDateTime firedThrough = rs.getObject("FIRED_THROUGH", LocalDateTime.class);
        JobSpec spec = new JobSpec(rs.getString("job_id"), rs.getString("reschedule_mode"),
                (Integer) rs.getObject("interval_seconds", Integer.class), rs.getString("description"),
                rs.getString("queue"), rs.getString("cron_expr"), rs.getBoolean("enabled"), rs.getInt("max_parallel"),
                readMap(rs.getString("default_params")), rs.getInt("timeout_sec"), rs.getInt("retry_limit"),
                rs.getString("telemetry_label"), tdo == null || rs.getBoolean("TRADING_DAYS_ONLY"),
                policy == null ? MissedFirePolicy.SKIP : MissedFirePolicy.parse(policy));
        return new Job(spec, rs.getString("scope"), local(rs, "created_at"), local(rs, "updated_at"),
                local(rs, "next_due_at"), local(rs, "last_run_at"), rs.getString("last_status"),
                rs.getString("last_error"), firedThrough == null ? null : firedThrough.toInstant(ZoneOffset.UTC));
    }

    /** Naive DATETIME as stored, without a detour through the JVM's zone (which could shift it across DST). */
    private static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private static String utcIso(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = local(rs, column);
        return t == null ? null : WireTime.format(t.toInstant(ZoneOffset.UTC));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDateTime parseUtc(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return utc(WireTime.parse(iso, ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String json(Map<String, Object> map) {
        return WireJson.mapper().writeValueAsString(map == null ? Map.of() : map);
    }

    private static Map<String, Object> readMap(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return WireJson.mapper().readValue(text, MAP);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Naive Korea time, the {@code jobs} table's convention. */
    public static LocalDateTime kst(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, MarketClock.KST);
    }
}
