package com.primejennie.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;

/**
 * Daily OHLCV history ({@code STOCK_DAILY_PRICES_3Y}, shared by both modes, never purged): the input of daily ATR,
 * RSI and the exit-rule indicators.
 */
public class DailyPriceRepository {

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public DailyPriceRepository(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest {@code count} sessions of a stock, returned oldest first (ready for indicator maths). */
    public List<DailyPrice> findLatest(String stockCode, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count of daily prices must be positive, was " + count);
        }
        List<DailyPrice> newestFirst = new ArrayList<>(jdbc.sql(
                        "SELECT * FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? ORDER BY PRICE_DATE DESC LIMIT ?")
                .params(Rows.requireCode(stockCode), count).query(this::map).list());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Sessions of a stock in {@code [from, to]}, oldest first. */
    public List<DailyPrice> findBetween(String stockCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? AND PRICE_DATE BETWEEN ? AND ? "
                        + "ORDER BY PRICE_DATE")
                .params(Rows.requireCode(stockCode), from, to).query(this::map).list();
    }

    /** Rows per multi-row statement of {@link #upsert}. */
    static final int UPSERT_CHUNK = 500;

    /**
     * Inserts or overwrites sessions (same stock and date), up to {@value #UPSERT_CHUNK} rows per statement: a
     * three-year back-fill is ~740 rows per code, and one autocommitted statement per row made the nightly job wait on
     * the database rather than on KIS.
     */
    public void upsert(List<DailyPrice> prices) {
        var now = clock.nowUtcNaive();
        for (int from = 0; from < prices.size(); from += UPSERT_CHUNK) {
            List<DailyPrice> chunk = prices.subList(from, Math.min(prices.size(), from + UPSERT_CHUNK));
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO STOCK_DAILY_PRICES_3Y (STOCK_CODE, PRICE_DATE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE,
                        CLOSE_PRICE, VOLUME, CREATED_AT) VALUES """);
            List<Object> params = new ArrayList<>(chunk.size() * 8);
            for (int i = 0; i < chunk.size(); i++) {
                DailyPrice p = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(p.stockCode(), p.priceDate(), p.openPrice(), p.highPrice(), p.lowPrice(),
                        p.closePrice(), p.volume(), now));
            }
            sql.append("""
                     ON DUPLICATE KEY UPDATE OPEN_PRICE = VALUES(OPEN_PRICE), HIGH_PRICE = VALUES(HIGH_PRICE),
                        LOW_PRICE = VALUES(LOW_PRICE), CLOSE_PRICE = VALUES(CLOSE_PRICE), VOLUME = VALUES(VOLUME)""");
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    private DailyPrice map(ResultSet rs, int row) throws SQLException {
        return new DailyPrice(rs.getString("STOCK_CODE"), Rows.date(rs, "PRICE_DATE"), Rows.krwOrZero(rs, "OPEN_PRICE"),
                Rows.krwOrZero(rs, "HIGH_PRICE"), Rows.krwOrZero(rs, "LOW_PRICE"), Rows.krwOrZero(rs, "CLOSE_PRICE"),
                rs.getLong("VOLUME"));
    }
}
