package com.primejennie.newsarchiver.sentiment;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.persistence.TableNames;

/**
 * Writes {@code STOCK_NEWS_SENTIMENT} (REAL mode) or its {@code STOCK_NEWS_SENTIMENT_MOCK} twin (mock and paper mode),
 * the one sentiment table scout and the dashboard read (spec/upstream-2026-02-18.md "Sentiment"). One row per
 * article: the unique {@code ARTICLE_URL} makes a second score of the same article (here or by the Python
 * news-analyzer of a mixed fleet) a no-op.
 */
public class SentimentRepository {

    private final JdbcClient jdbc;
    private final String table;

    public SentimentRepository(JdbcClient jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.table = tables.mock() ? "STOCK_NEWS_SENTIMENT_MOCK" : "STOCK_NEWS_SENTIMENT";
    }

    public String table() {
        return table;
    }

    public boolean existsForUrl(String articleUrl) {
        return articleUrl != null && jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE ARTICLE_URL = ?")
                .param(articleUrl).query(Long.class).single() > 0;
    }

    /** Inserts one score; returns false when the article already had one. */
    public boolean insert(Row row) {
        return jdbc.sql("INSERT IGNORE INTO " + table + " (STOCK_CODE, NEWS_DATE, PRESS, HEADLINE, SUMMARY,"
                        + " SENTIMENT_SCORE, SENTIMENT_REASON, ARTICLE_URL, SOURCE, PUBLISHED_AT, SCRAPED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.stockCode(), ts(row.newsDate()), cut(row.press(), 100), cut(row.headline(), 1000),
                        row.summary(), row.score(), cut(row.reason(), 1000), cut(row.articleUrl(), 700),
                        cut(row.source(), 50), ts(row.publishedAt()), ts(row.scrapedAt()))
                .update() > 0;
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** One row; times naive UTC. */
    public record Row(String stockCode, LocalDateTime newsDate, String press, String headline, String summary,
                      double score, String reason, String articleUrl, String source, LocalDateTime publishedAt,
                      LocalDateTime scrapedAt) {
    }
}
