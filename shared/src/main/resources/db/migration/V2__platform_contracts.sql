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
