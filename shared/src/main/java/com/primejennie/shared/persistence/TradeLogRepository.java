package com.primejennie.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The trade journal ({@code TRADELOG}, or {@code TRADELOG_MOCK} in mock mode): only the executors write it; it also
 * backs the dedupe checks (a BUY within ~10 min, a SELL within 24 h) and the daily buy count. Never purged.
 */
public class TradeLogRepository {

    /** {@code STRATEGY_SIGNAL} is VARCHAR(100). */
    public static final int STRATEGY_SIGNAL_MAX = 100;

    private final JdbcClient jdbc;
    private final String table;

    public TradeLogRepository(JdbcClient jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.table = tables.tradeLog();
    }

    /** Inserts {@code entry} (its logId is ignored) and returns the generated {@code LOG_ID}. */
    public long insert(TradeLogEntry entry) {
        Objects.requireNonNull(entry.tradeType(), "tradeType");
        Objects.requireNonNull(entry.tradeTimestamp(), "tradeTimestamp (naive UTC)");
        Rows.requireCode(entry.stockCode());
        if (entry.quantity() <= 0) {
            throw new IllegalArgumentException("trade quantity for " + entry.stockCode() + " must be positive, was "
                    + entry.quantity());
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO " + table + " (STOCK_CODE, TRADE_TYPE, QUANTITY, PRICE, REASON, TRADE_TIMESTAMP, "
                        + "STRATEGY_SIGNAL, KEY_METRICS_JSON, MARKET_CONTEXT_JSON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.stockCode(), entry.tradeType().name(), entry.quantity(), entry.price(), entry.reason(),
                        entry.tradeTimestamp(), Rows.truncate(entry.strategySignal(), STRATEGY_SIGNAL_MAX),
                        entry.keyMetricsJson(), entry.marketContextJson())
                .update(keys, "LOG_ID");
        return Objects.requireNonNull(keys.getKey(), "no LOG_ID generated").longValue();
    }

    /** Trades at or after {@code fromUtc}, oldest first. */
    public List<TradeLogEntry> findSince(LocalDateTime fromUtc) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE TRADE_TIMESTAMP >= ? ORDER BY TRADE_TIMESTAMP, LOG_ID")
                .param(fromUtc).query(this::map).list();
    }

    /** Trades of one stock, newest first, at most {@code limit}. */
    public List<TradeLogEntry> findRecent(String stockCode, int limit) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE STOCK_CODE = ? ORDER BY TRADE_TIMESTAMP DESC, LOG_ID DESC "
                        + "LIMIT ?")
                .params(Rows.requireCode(stockCode), limit).query(this::map).list();
    }

    /** Whether {@code stockCode} has a trade of {@code type} at or after {@code sinceUtc} (the dedupe checks). */
    public boolean existsSince(String stockCode, TradeType type, LocalDateTime sinceUtc) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table
                        + " WHERE STOCK_CODE = ? AND TRADE_TYPE = ? AND TRADE_TIMESTAMP >= ?")
                .params(Rows.requireCode(stockCode), type.name(), sinceUtc)
                .query(Long.class).single() > 0;
    }

    /** How many trades of {@code type} happened at or after {@code sinceUtc} (the daily buy limit). */
    public int countSince(TradeType type, LocalDateTime sinceUtc) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE TRADE_TYPE = ? AND TRADE_TIMESTAMP >= ?")
                .params(type.name(), sinceUtc).query(Long.class).single().intValue();
    }

    private TradeLogEntry map(ResultSet rs, int row) throws SQLException {
        return new TradeLogEntry(rs.getLong("LOG_ID"), rs.getString("STOCK_CODE"),
                TradeType.parse(rs.getString("TRADE_TYPE")), rs.getInt("QUANTITY"), Rows.krwOrZero(rs, "PRICE"),
                rs.getString("REASON"), Rows.timestamp(rs, "TRADE_TIMESTAMP"), rs.getString("STRATEGY_SIGNAL"),
                rs.getString("KEY_METRICS_JSON"), rs.getString("MARKET_CONTEXT_JSON"));
    }
}
