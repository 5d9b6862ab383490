package com.primejennie.buyscanner.bars;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the feed's minute bars ({@code STOCK_MINUTE_PRICE}, written by price-monitor) for the scanner's warm start,
 * so a restart at 11:00 has the bars a continuously running scanner would hold, reaching into the previous session.
 * {@code PRICE_TIME} is the naive KST minute start. Rows with a missing or zero high, low or close are skipped (the
 * Python collector stored such bars as 0); a missing open falls back to the close.
 */
public class MinuteBarReader {

    private final JdbcClient jdbc;

    public MinuteBarReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last {@code count} bars of {@code code} that started before {@code beforeKst}, oldest first. */
    public List<Bar> lastBars(String code, LocalDateTime beforeKst, int count) {
        List<Bar> bars = new ArrayList<>(jdbc.sql("""
                SELECT PRICE_TIME, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, CLOSE_PRICE, VOLUME FROM STOCK_MINUTE_PRICE
                WHERE STOCK_CODE = ? AND PRICE_TIME < ? ORDER BY PRICE_TIME DESC LIMIT ?""")
                .params(code, beforeKst, count)
                .query(this::map).list());
        bars.removeIf(b -> b == null);
        Collections.reverse(bars);
        return bars;
    }

    private Bar map(ResultSet rs, int row) throws SQLException {
        double high = positive(rs.getBigDecimal("HIGH_PRICE"));
        double low = positive(rs.getBigDecimal("LOW_PRICE"));
        double close = positive(rs.getBigDecimal("CLOSE_PRICE"));
        if (high <= 0 || low <= 0 || close <= 0) {
            return null;
        }
        double open = positive(rs.getBigDecimal("OPEN_PRICE"));
        long volume = rs.getLong("VOLUME");
        return new Bar(rs.getObject("PRICE_TIME", LocalDateTime.class), open > 0 ? open : close, high, low, close,
                Math.max(0, volume), 0);
    }

    private static double positive(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }
}
