-- V2: the Python tables the services read or write that V1 lacks, and the upstream (2026-02-18) columns.
-- Same rules as V1: CREATE TABLE IF NOT EXISTS, upper-case names, utf8mb4, naive UTC timestamps. Where the Python
-- suite already created a table or column, nothing is changed (ADD COLUMN IF NOT EXISTS is a no-op there).

-- ---------------------------------------------------------------- news sentiment (upstream: the one sentiment table)
-- Upstream added SENTIMENT_REASON and PUBLISHED_AT (spec/upstream-2026-02-18.md "Sentiment"); the _MOCK twin is read
-- and written in mock and paper mode. Written by news-archiver, read by scout-job and the dashboard.
ALTER TABLE STOCK_NEWS_SENTIMENT ADD COLUMN IF NOT EXISTS SENTIMENT_REASON VARCHAR(1000) NULL;
ALTER TABLE STOCK_NEWS_SENTIMENT ADD COLUMN IF NOT EXISTS PUBLISHED_AT DATETIME NULL;

CREATE TABLE IF NOT EXISTS STOCK_NEWS_SENTIMENT_MOCK (
    ID               BIGINT        NOT NULL AUTO_INCREMENT,
    STOCK_CODE       VARCHAR(20)   NULL,
    NEWS_DATE        DATETIME      NULL,
    PRESS            VARCHAR(100)  NULL,
    HEADLINE         VARCHAR(1000) NULL,
    SUMMARY          TEXT          NULL,
    SENTIMENT_SCORE  DOUBLE        NULL,
    SENTIMENT_REASON VARCHAR(1000) NULL,
    CATEGORY         VARCHAR(50)   NULL,
    ARTICLE_URL      VARCHAR(700)  NULL,
    SOURCE           VARCHAR(50)   NULL DEFAULT 'NAVER',
    PUBLISHED_AT     DATETIME      NULL,
    SCRAPED_AT       DATETIME      NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (ID),
    UNIQUE KEY UX_STOCK_NEWS_SENTIMENT_MOCK_URL (ARTICLE_URL),
    KEY IX_STOCK_NEWS_SENTIMENT_MOCK_CODE_DATE (STOCK_CODE, NEWS_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------- scout: hybrid scoring inputs and side logs
-- Spec/llm-dashboard-infra.md §5 names these tables without their DDL (the Python suite created them from SQLAlchemy
-- models); the columns below are what spec/control-and-intelligence.md §3.7 reads and writes. Where the Python suite
-- already created one, CREATE TABLE IF NOT EXISTS leaves it exactly as it is.

-- 4 most recent quarters per stock feed the quant scorer v2 (ROE/PER/EPS trends). Read by scout-job.
CREATE TABLE IF NOT EXISTS FINANCIAL_METRICS_QUARTERLY (
    STOCK_CODE       VARCHAR(20)   NOT NULL,
    QUARTER_DATE     DATE          NOT NULL,
    PER              DOUBLE        NULL,
    PBR              DOUBLE        NULL,
    ROE              DOUBLE        NULL,
    EPS              DOUBLE        NULL,
    BPS              DOUBLE        NULL,
    SALES_GROWTH     DOUBLE        NULL,
    OPERATING_MARGIN DOUBLE        NULL,
    CREATED_AT       DATETIME      NULL DEFAULT CURRENT_TIMESTAMP,
    UPDATED_AT       DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (STOCK_CODE, QUARTER_DATE),
    KEY IX_FINANCIAL_METRICS_QUARTERLY_DATE (QUARTER_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Historical win rate of a scoring condition (the quant score's "historical condition win-rate / sample count /
-- confidence"). Written by the factor analysis job, read by scout-job.
CREATE TABLE IF NOT EXISTS FACTOR_PERFORMANCE (
    ID                  BIGINT        NOT NULL AUTO_INCREMENT,
    FACTOR_KEY          VARCHAR(100)  NOT NULL,
    FACTOR_NAME         VARCHAR(200)  NULL,
    STOCK_GROUP         VARCHAR(64)   NOT NULL DEFAULT 'ALL',
    HOLDING_DAYS        INT           NOT NULL DEFAULT 5,
    WIN_RATE            DOUBLE        NULL,
    AVG_RETURN          DOUBLE        NULL,
    SAMPLE_COUNT        INT           NULL,
    RECENT_WIN_RATE     DOUBLE        NULL,
    RECENT_SAMPLE_COUNT INT           NULL,
    CONFIDENCE_LEVEL    VARCHAR(20)   NULL,
    ANALYSIS_DATE       DATE          NULL,
    CREATED_AT          DATETIME      NULL DEFAULT CURRENT_TIMESTAMP,
    UPDATED_AT          DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (ID),
    UNIQUE KEY UX_FACTOR_PERFORMANCE (FACTOR_KEY, STOCK_GROUP, HOLDING_DAYS)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Missed opportunities: a candidate rejected at some stage (stage UNIFIED_ANALYST, trigger ANALYST_REJECT, value =
-- the hybrid score). Written by scout-job, read by the dashboard; purged after 365 days on TIMESTAMP.
CREATE TABLE IF NOT EXISTS SHADOW_RADAR_LOG (
    LOG_ID           BIGINT        NOT NULL AUTO_INCREMENT,
    STOCK_CODE       VARCHAR(20)   NOT NULL,
    STOCK_NAME       VARCHAR(120)  NULL,
    REJECTION_STAGE  VARCHAR(50)   NOT NULL,
    TRIGGER_TYPE     VARCHAR(50)   NULL,
    TRIGGER_VALUE    DOUBLE        NULL,
    REJECTION_REASON VARCHAR(2000) NULL,
    MARKET_REGIME    VARCHAR(50)   NULL,
    `TIMESTAMP`      DATETIME      NOT NULL,
    CREATED_AT       DATETIME      NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (LOG_ID),
    KEY IX_SHADOW_RADAR_LOG_CODE (STOCK_CODE),
    KEY IX_SHADOW_RADAR_LOG_TIMESTAMP (`TIMESTAMP`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- DAILY_ASSET_SNAPSHOT and LLM_DECISION_LEDGER are already in V1.
