-- scheduler-service (issue 17): the Python scheduler's `jobs` table, and what the Java scheduler adds beside it.
-- `jobs` keeps the Python shape exactly (spec/control-and-intelligence.md §2.2, lower-case as SQLAlchemy created it);
-- CREATE TABLE IF NOT EXISTS, so a table the Python scheduler created on MariaDB is adopted as it is. Its timestamps
-- are naive Korea time, as the Python scheduler wrote them (SCHEDULER_TIMEZONE=Asia/Seoul, naive read back as KST).
-- What Java adds never becomes a column of `jobs`: options and the fire cursor live in SCHEDULER_JOB_OPTIONS, one
-- row per published run (and its outcome from stream:jobs:results) in SCHEDULER_JOB_RUNS; both naive UTC.

CREATE TABLE IF NOT EXISTS jobs (
    job_id           VARCHAR(100) NOT NULL,
    scope            VARCHAR(50)  NOT NULL DEFAULT 'real',
    reschedule_mode  VARCHAR(20)  NOT NULL DEFAULT 'scheduler',
    interval_seconds INT          NULL,
    description      TEXT         NULL,
    queue            VARCHAR(200) NOT NULL,
    cron_expr        VARCHAR(100) NOT NULL,
    enabled          TINYINT(1)   NOT NULL DEFAULT 1,
    max_parallel     INT          NOT NULL DEFAULT 1,
    default_params   TEXT         NULL,
    timeout_sec      INT          NOT NULL DEFAULT 120,
    retry_limit      INT          NOT NULL DEFAULT 3,
    telemetry_label  VARCHAR(100) NULL,
    created_at       DATETIME     NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       DATETIME     NULL DEFAULT CURRENT_TIMESTAMP,
    next_due_at      DATETIME     NULL,
    last_run_at      DATETIME     NULL,
    last_status      VARCHAR(20)  NULL,
    last_error       TEXT         NULL,
    PRIMARY KEY (job_id),
    KEY ix_jobs_scope (scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per job: only on KRX trading days?, what to do with fires missed while no scheduler ran (SKIP or RUN_ONCE), and
-- FIRED_THROUGH, the instant up to which cron fires are accounted for (set at creation and resume, so neither fires).
CREATE TABLE IF NOT EXISTS SCHEDULER_JOB_OPTIONS (
    JOB_ID             VARCHAR(100) NOT NULL,
    TRADING_DAYS_ONLY  TINYINT(1)   NOT NULL DEFAULT 1,
    MISSED_FIRE_POLICY VARCHAR(16)  NOT NULL DEFAULT 'SKIP',
    FIRED_THROUGH      DATETIME(3)  NULL,
    UPDATED_AT         DATETIME(3)  NULL,
    PRIMARY KEY (JOB_ID)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per run: written at publication (QUEUED or DELAYED), completed by the consumer's JobResult (SUCCEEDED,
-- FAILED, TIMED_OUT, SKIPPED; ATTEMPT = the attempt that ended it). Results of runs the scheduler did not publish
-- (POST /scout on scout-job) get a row of their own.
CREATE TABLE IF NOT EXISTS SCHEDULER_JOB_RUNS (
    RUN_ID         VARCHAR(64)  NOT NULL,
    JOB_ID         VARCHAR(100) NOT NULL,
    SCOPE          VARCHAR(50)  NULL,
    TRIGGER_SOURCE VARCHAR(50)  NULL,
    FIRE_AT        DATETIME(3)  NULL,
    QUEUED_AT      DATETIME(3)  NULL,
    STREAM_NAME    VARCHAR(200) NULL,
    MESSAGE_ID     VARCHAR(40)  NULL,
    STATUS         VARCHAR(16)  NOT NULL,
    ATTEMPT        INT          NULL,
    STARTED_AT     DATETIME(3)  NULL,
    FINISHED_AT    DATETIME(3)  NULL,
    DURATION_MS    BIGINT       NULL,
    RESULT_MESSAGE TEXT         NULL,
    ERROR          TEXT         NULL,
    STATS          TEXT         NULL,
    SERVICE        VARCHAR(100) NULL,
    UPDATED_AT     DATETIME(3)  NULL,
    PRIMARY KEY (RUN_ID),
    KEY IX_SCHEDULER_JOB_RUNS_JOB (JOB_ID, UPDATED_AT)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
