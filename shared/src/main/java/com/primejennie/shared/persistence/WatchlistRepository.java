package com.primejennie.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;

/**
 * The Scout selection in the database ({@code WATCHLIST}); the hot watchlist the scanner trades on lives in Redis.
 * Unlike the Python upsert, {@link #upsert} does not silently purge rows older than 24 h: a caller that wants that
 * calls {@link #deleteScoredBefore} explicitly.
 */
public class WatchlistRepository {

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public WatchlistRepository(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** All entries, best LLM score first. */
    public List<WatchlistEntry> findAll() {
        return jdbc.sql("SELECT * FROM WATCHLIST ORDER BY LLM_SCORE DESC, STOCK_CODE").query(this::map).list();
    }

    public Optional<WatchlistEntry> find(String stockCode) {
        return jdbc.sql("SELECT * FROM WATCHLIST WHERE STOCK_CODE = ?").param(Rows.requireCode(stockCode))
                .query(this::map).optional();
    }

    /** Inserts or replaces the entry of its stock; {@code CREATED_AT} is kept for an existing row. */
    public void upsert(WatchlistEntry entry) {
        var now = clock.nowUtcNaive();
        jdbc.sql("""
                INSERT INTO WATCHLIST (STOCK_CODE, STOCK_NAME, CREATED_AT, IS_TRADABLE, TRADE_TIER, LLM_SCORE,
                    LLM_REASON, LLM_UPDATED_AT, PER, PBR, ROE, MARKET_CAP, SALES_GROWTH, EPS_GROWTH,
                    FINANCIAL_UPDATED_AT, UPDATED_AT)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE STOCK_NAME = VALUES(STOCK_NAME), IS_TRADABLE = VALUES(IS_TRADABLE),
                    TRADE_TIER = VALUES(TRADE_TIER), LLM_SCORE = VALUES(LLM_SCORE), LLM_REASON = VALUES(LLM_REASON),
                    LLM_UPDATED_AT = VALUES(LLM_UPDATED_AT), PER = VALUES(PER), PBR = VALUES(PBR), ROE = VALUES(ROE),
                    MARKET_CAP = VALUES(MARKET_CAP), SALES_GROWTH = VALUES(SALES_GROWTH),
                    EPS_GROWTH = VALUES(EPS_GROWTH), FINANCIAL_UPDATED_AT = VALUES(FINANCIAL_UPDATED_AT),
                    UPDATED_AT = VALUES(UPDATED_AT)""")
                .params(entry.stockCode(), entry.stockName(), now, entry.tradable() ? 1 : 0, entry.tradeTier(),
                        entry.llmScore(), entry.llmReason(),
                        entry.llmUpdatedAt() == null ? now : entry.llmUpdatedAt(), entry.per(), entry.pbr(),
                        entry.roe(), entry.marketCap(), entry.salesGrowth(), entry.epsGrowth(),
                        entry.financialUpdatedAt(), now)
                .update();
    }

    /** Removes one stock; returns whether it was there. */
    public boolean delete(String stockCode) {
        return jdbc.sql("DELETE FROM WATCHLIST WHERE STOCK_CODE = ?").param(Rows.requireCode(stockCode)).update() > 0;
    }

    /** Removes entries whose LLM score is older than {@code cutoffUtc} (or never set); returns how many. */
    public int deleteScoredBefore(LocalDateTime cutoffUtc) {
        return jdbc.sql("DELETE FROM WATCHLIST WHERE LLM_UPDATED_AT IS NULL OR LLM_UPDATED_AT < ?")
                .param(cutoffUtc).update();
    }

    private WatchlistEntry map(ResultSet rs, int row) throws SQLException {
        return new WatchlistEntry(rs.getString("STOCK_CODE"), rs.getString("STOCK_NAME"),
                rs.getInt("IS_TRADABLE") != 0, rs.getString("TRADE_TIER"), Rows.nullableDouble(rs, "LLM_SCORE"),
                rs.getString("LLM_REASON"), Rows.timestamp(rs, "LLM_UPDATED_AT"), Rows.nullableDouble(rs, "PER"),
                Rows.nullableDouble(rs, "PBR"), Rows.nullableDouble(rs, "ROE"), Rows.nullableLong(rs, "MARKET_CAP"),
                Rows.nullableDouble(rs, "SALES_GROWTH"), Rows.nullableDouble(rs, "EPS_GROWTH"),
                Rows.timestamp(rs, "FINANCIAL_UPDATED_AT"), Rows.timestamp(rs, "CREATED_AT"));
    }
}
