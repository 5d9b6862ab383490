-- V6 news: the news-archiver's document registry (issue 20). One row per archived news item, keyed by its source_url
-- (or, without a URL, its content hash): dedup of stream items, the numbers of GET /api/news/stats, and the queue of
-- items still to be scored for sentiment (STOCK_NEWS_SENTIMENT is written from here, retried when the LLM fails).
-- Same rules as V1: CREATE TABLE IF NOT EXISTS, upper-case names, utf8mb4, naive UTC timestamps.

CREATE TABLE IF NOT EXISTS NEWS_ARCHIVE_DOCUMENT (
    ID                 BIGINT        NOT NULL AUTO_INCREMENT,
    DOC_KEY            CHAR(64)      NOT NULL,
    SOURCE_URL         VARCHAR(700)  NULL,
    STOCK_CODE         VARCHAR(20)   NULL,
    STOCK_NAME         VARCHAR(120)  NULL,
    SOURCE             VARCHAR(100)  NULL,
    PAGE_CONTENT       TEXT          NOT NULL,
    CREATED_AT_UTC     BIGINT        NULL,
    PUBLISHED_AT       DATETIME      NULL,
    CHUNKS             INT           NOT NULL,
    STREAM_ID          VARCHAR(40)   NULL,
    ARCHIVED_AT        DATETIME      NOT NULL,
    SENTIMENT_STATUS   VARCHAR(10)   NOT NULL DEFAULT 'NONE',
    SENTIMENT_ATTEMPTS INT           NOT NULL DEFAULT 0,
    SENTIMENT_NEXT_AT  DATETIME      NULL,
    SENTIMENT_ERROR    VARCHAR(500)  NULL,
    PRIMARY KEY (ID),
    UNIQUE KEY UX_NEWS_ARCHIVE_DOCUMENT_KEY (DOC_KEY),
    KEY IX_NEWS_ARCHIVE_DOCUMENT_SENTIMENT (SENTIMENT_STATUS, SENTIMENT_NEXT_AT),
    KEY IX_NEWS_ARCHIVE_DOCUMENT_SOURCE (SOURCE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
