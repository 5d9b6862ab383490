package com.primejennie.scoutjob.scout.support;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one table scout scores from that no data job writes: STOCK_NEWS_SENTIMENT_MOCK belongs to news-archiver
 * (ARCHITECTURE §10), which is not started here. Seeds a positive score from yesterday for every third stock of the
 * master (by code), so the sentiment factor has data for some candidates and is missing for the rest.
 */
public final class SentimentSeed {

    private SentimentSeed() {
    }

    public static int seed(JdbcClient jdbc, LocalDateTime nowUtc) {
        jdbc.sql("DELETE FROM STOCK_NEWS_SENTIMENT_MOCK").update();
        List<String[]> stocks = jdbc.sql("SELECT STOCK_CODE, STOCK_NAME FROM STOCK_MASTER ORDER BY STOCK_CODE")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int rows = 0;
        for (int i = 0; i < stocks.size(); i += 3) {
            String code = stocks.get(i)[0];
            String name = stocks.get(i)[1];
            rows += jdbc.sql("INSERT INTO STOCK_NEWS_SENTIMENT_MOCK (STOCK_CODE, NEWS_DATE, HEADLINE, SENTIMENT_SCORE, "
                            + "SENTIMENT_REASON, ARTICLE_URL, PUBLISHED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(code, nowUtc.minusDays(1), name + " 수주 확대", 70 + (i % 20), "수주 확대로 실적 개선 기대",
                            "https://fixture.test/" + code, nowUtc.minusDays(1))
                    .update();
        }
        return rows;
    }
}
