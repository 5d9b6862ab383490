package com.primejennie.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;

/**
 * The stock universe ({@code STOCK_MASTER}). Reads tolerate the column differences between installs (the Python
 * utility DDL added {@code IS_ETF} and others later), so a Java service works on an old {@code jennie_db} too.
 */
public class StockMasterRepository {

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public StockMasterRepository(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<StockMasterEntry> find(String stockCode) {
        return jdbc.sql("SELECT * FROM STOCK_MASTER WHERE STOCK_CODE = ?").param(Rows.requireCode(stockCode))
                .query(this::map).optional();
    }

    /** Exact, case-sensitive name match (as the command handler resolves names); first by code if several. */
    public Optional<StockMasterEntry> findByName(String stockName) {
        return jdbc.sql("SELECT * FROM STOCK_MASTER WHERE BINARY STOCK_NAME = ? ORDER BY STOCK_CODE LIMIT 1")
                .param(stockName).query(this::map).optional();
    }

    public List<StockMasterEntry> findAll() {
        return jdbc.sql("SELECT * FROM STOCK_MASTER ORDER BY STOCK_CODE").query(this::map).list();
    }

    /** Inserts or updates one stock (name, cap, sectors, ETF flag). */
    public void upsert(StockMasterEntry entry) {
        jdbc.sql("""
                INSERT INTO STOCK_MASTER (STOCK_CODE, STOCK_NAME, MARKET_CAP, SECTOR_KOSPI200, SECTOR_NAVER,
                    SECTOR_NAVER_GROUP, IS_ETF, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE STOCK_NAME = VALUES(STOCK_NAME), MARKET_CAP = VALUES(MARKET_CAP),
                    SECTOR_KOSPI200 = VALUES(SECTOR_KOSPI200), SECTOR_NAVER = VALUES(SECTOR_NAVER),
                    SECTOR_NAVER_GROUP = VALUES(SECTOR_NAVER_GROUP), IS_ETF = VALUES(IS_ETF)""")
                .params(entry.stockCode(), entry.stockName(), entry.marketCap(), entry.sectorKospi200(),
                        entry.sectorNaver(), entry.sectorNaverGroup(), entry.etf() ? 1 : 0, clock.nowUtcNaive())
                .update();
    }

    private StockMasterEntry map(ResultSet rs, int row) throws SQLException {
        Set<String> columns = Rows.columns(rs);
        return new StockMasterEntry(rs.getString("STOCK_CODE"), rs.getString("STOCK_NAME"),
                columns.contains("MARKET_CAP") ? Rows.nullableLong(rs, "MARKET_CAP") : null,
                columns.contains("SECTOR_KOSPI200") ? rs.getString("SECTOR_KOSPI200") : null,
                columns.contains("SECTOR_NAVER") ? rs.getString("SECTOR_NAVER") : null,
                columns.contains("SECTOR_NAVER_GROUP") ? rs.getString("SECTOR_NAVER_GROUP") : null,
                columns.contains("IS_ETF") && rs.getInt("IS_ETF") != 0);
    }
}
