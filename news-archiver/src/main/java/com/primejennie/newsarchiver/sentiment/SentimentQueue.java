package com.primejennie.newsarchiver.sentiment;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.ingest.DocumentRegistry;

/**
 * The items still to be scored: rows of {@code NEWS_ARCHIVE_DOCUMENT} in state PENDING whose next attempt is due.
 * Scoring is decoupled from archiving through this queue, so an LLM outage never holds up the stream.
 */
public class SentimentQueue {

    private final JdbcClient jdbc;

    public SentimentQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Due items, oldest first. */
    public List<PendingItem> due(LocalDateTime now, int limit) {
        return jdbc.sql("""
                SELECT ID, STOCK_CODE, STOCK_NAME, SOURCE, SOURCE_URL, PAGE_CONTENT, CREATED_AT_UTC, PUBLISHED_AT,
                    SENTIMENT_ATTEMPTS
                FROM NEWS_ARCHIVE_DOCUMENT
                WHERE SENTIMENT_STATUS = ? AND (SENTIMENT_NEXT_AT IS NULL OR SENTIMENT_NEXT_AT <= ?)
                ORDER BY SENTIMENT_NEXT_AT, ID LIMIT ?""")
                .params(DocumentRegistry.SENTIMENT_PENDING, Timestamp.valueOf(now), limit)
                .query((rs, row) -> new PendingItem(rs.getLong("ID"), rs.getString("STOCK_CODE"),
                        rs.getString("STOCK_NAME"), rs.getString("SOURCE"), rs.getString("SOURCE_URL"),
                        rs.getString("PAGE_CONTENT"), (Long) rs.getObject("CREATED_AT_UTC", Long.class),
                        rs.getTimestamp("PUBLISHED_AT") == null ? null
                                : rs.getTimestamp("PUBLISHED_AT").toLocalDateTime(),
                        rs.getInt("SENTIMENT_ATTEMPTS")))
                .list();
    }

    public void markDone(long id) {
        jdbc.sql("UPDATE NEWS_ARCHIVE_DOCUMENT SET SENTIMENT_STATUS = ?, SENTIMENT_ERROR = NULL WHERE ID = ?")
                .params(DocumentRegistry.SENTIMENT_DONE, id).update();
    }

    /** Records a failed attempt: retried at {@code nextAt}, or left FAILED when {@code giveUp}. */
    public void markFailed(long id, int attempts, LocalDateTime nextAt, boolean giveUp, String error) {
        jdbc.sql("""
                UPDATE NEWS_ARCHIVE_DOCUMENT SET SENTIMENT_STATUS = ?, SENTIMENT_ATTEMPTS = ?, SENTIMENT_NEXT_AT = ?,
                    SENTIMENT_ERROR = ? WHERE ID = ?""")
                .params(giveUp ? DocumentRegistry.SENTIMENT_FAILED : DocumentRegistry.SENTIMENT_PENDING, attempts,
                        Timestamp.valueOf(nextAt), error == null ? null : error.substring(0, Math.min(500,
                                error.length())), id)
                .update();
    }

    /** One item waiting for its score. */
    public record PendingItem(long id, String stockCode, String stockName, String source, String sourceUrl,
                              String pageContent, Long createdAtUtc, LocalDateTime publishedAt, int attempts) {
    }
}
