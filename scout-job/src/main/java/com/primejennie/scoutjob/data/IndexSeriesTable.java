package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.kis.IndexBar;
import com.primejennie.shared.market.MarketClock;

/**
 * The KOSPI ({@code 0001}) and KOSDAQ ({@code 1001}) rows of STOCK_DAILY_PRICES_3Y, where the Python suite kept them
 * and the regime reads them. Index points have two decimals, which the stock read-through's whole-won rows cannot
 * carry, so index rows are written here and only here (never a stock code).
 */
public class IndexSeriesTable {

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public IndexSeriesTable(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<LocalDate> newest(String indexCode) {
        return jdbc.sql("SELECT MAX(PRICE_DATE) FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ?").param(indexCode)
                .query(LocalDate.class).optional();
    }

    public int upsert(String indexCode, List<IndexBar> bars) {
        if (indexCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("index series rows never use a stock code: " + indexCode);
        }
        var now = clock.nowUtcNaive();
        for (int from = 0; from < bars.size(); from += 500) {
            List<IndexBar> chunk = bars.subList(from, Math.min(bars.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO STOCK_DAILY_PRICES_3Y (STOCK_CODE, PRICE_DATE, "
                    + "OPEN_PRICE, HIGH_PRICE, LOW_PRICE, CLOSE_PRICE, VOLUME, CREATED_AT) VALUES ");
            List<Object> params = new java.util.ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                IndexBar b = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(indexCode, b.date(), b.open(), b.high(), b.low(), b.close(), b.volume(), now));
            }
            sql.append(" ON DUPLICATE KEY UPDATE OPEN_PRICE = VALUES(OPEN_PRICE), HIGH_PRICE = VALUES(HIGH_PRICE), "
                    + "LOW_PRICE = VALUES(LOW_PRICE), CLOSE_PRICE = VALUES(CLOSE_PRICE), VOLUME = VALUES(VOLUME)");
            jdbc.sql(sql.toString()).params(params).update();
        }
        return bars.size();
    }
}
