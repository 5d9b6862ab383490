package com.primejennie.newsarchiver.ingest;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archiver's record of what it archived ({@code NEWS_ARCHIVE_DOCUMENT}, Flyway V6): one row per item keyed by
 * {@link NewsDocument#docKey()}. It answers "seen before?" without asking the vector store, holds the numbers of
 * {@code GET /api/news/stats}, and is the queue of items waiting for a sentiment score.
 */
public class DocumentRegistry {

    /** Sentiment states of a row. */
    public static final String SENTIMENT_NONE = "NONE";
    public static final String SENTIMENT_PENDING = "PENDING";
    public static final String SENTIMENT_DONE = "DONE";
    public static final String SENTIMENT_FAILED = "FAILED";

    private final JdbcClient jdbc;

    public DocumentRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String docKey) {
        return jdbc.sql("SELECT COUNT(*) FROM NEWS_ARCHIVE_DOCUMENT WHERE DOC_KEY = ?").param(docKey)
                .query(Long.class).single() > 0;
    }

    /** Records an archived item; recording the same key again changes nothing (archiving is idempotent). */
    public void record(NewsDocument doc, int chunks, String streamId, LocalDateTime archivedAt,
                       LocalDateTime publishedAt, String sentimentStatus) {
        jdbc.sql("""
                INSERT INTO NEWS_ARCHIVE_DOCUMENT (DOC_KEY, SOURCE_URL, STOCK_CODE, STOCK_NAME, SOURCE, PAGE_CONTENT,
                    CREATED_AT_UTC, PUBLISHED_AT, CHUNKS, STREAM_ID, ARCHIVED_AT, SENTIMENT_STATUS, SENTIMENT_NEXT_AT)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE ID = ID""")
                .params(doc.docKey(), truncate(doc.sourceUrl(), 700), truncate(doc.stockCode(), 20),
                        truncate(doc.stockName(), 120), truncate(doc.source(), 100), doc.pageContent(),
                        doc.createdAtUtc(), publishedAt == null ? null : Timestamp.valueOf(publishedAt), chunks,
                        streamId, Timestamp.valueOf(archivedAt), sentimentStatus, Timestamp.valueOf(archivedAt))
                .update();
    }

    /** Totals and per-source numbers for the stats endpoint. */
    public Totals totals() {
        Totals totals = jdbc.sql("""
                SELECT COUNT(*) AS DOCS, COALESCE(SUM(CHUNKS), 0) AS CHUNKS, MAX(ARCHIVED_AT) AS LAST_AT
                FROM NEWS_ARCHIVE_DOCUMENT""")
                .query((rs, row) -> new Totals(rs.getLong("DOCS"), rs.getLong("CHUNKS"),
                        toLocal(rs.getTimestamp("LAST_AT")), List.of(), List.of())).single();
        List<SourceCount> perSource = jdbc.sql("""
                SELECT COALESCE(SOURCE, '') AS SRC, COUNT(*) AS DOCS, COALESCE(SUM(CHUNKS), 0) AS CHUNKS,
                    MAX(ARCHIVED_AT) AS LAST_AT
                FROM NEWS_ARCHIVE_DOCUMENT GROUP BY COALESCE(SOURCE, '') ORDER BY DOCS DESC, SRC""")
                .query((rs, row) -> new SourceCount(rs.getString("SRC"), rs.getLong("DOCS"), rs.getLong("CHUNKS"),
                        toLocal(rs.getTimestamp("LAST_AT")))).list();
        List<StatusCount> sentiment = jdbc.sql("""
                SELECT SENTIMENT_STATUS, COUNT(*) AS N FROM NEWS_ARCHIVE_DOCUMENT
                GROUP BY SENTIMENT_STATUS ORDER BY SENTIMENT_STATUS""")
                .query((rs, row) -> new StatusCount(rs.getString(1), rs.getLong(2))).list();
        return new Totals(totals.documents(), totals.chunks(), totals.lastArchivedAt(), perSource, sentiment);
    }

    private static LocalDateTime toLocal(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max);
    }

    /** Numbers of the whole registry; {@code lastArchivedAt} naive UTC. */
    public record Totals(long documents, long chunks, LocalDateTime lastArchivedAt, List<SourceCount> perSource,
                         List<StatusCount> sentiment) {
    }

    /** Items, chunks and the last archive time of one {@code metadata.source} ("" when none). */
    public record SourceCount(String source, long documents, long chunks, LocalDateTime lastArchivedAt) {
    }

    /** How many items are in one sentiment state. */
    public record StatusCount(String status, long count) {
    }
}
