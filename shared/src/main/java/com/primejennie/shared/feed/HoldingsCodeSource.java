package com.primejennie.shared.feed;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import com.primejennie.shared.persistence.TableNames;

/**
 * The codes held now: {@code ACTIVE_PORTFOLIO} (or {@code ACTIVE_PORTFOLIO_MOCK} in MOCK trading mode) rows with
 * {@code QUANTITY > 0}, as price-monitor's exit loop reads them.
 */
public final class HoldingsCodeSource implements CodeSource {

    private final JdbcTemplate jdbc;
    private final String sql;

    /** @param table {@code ACTIVE_PORTFOLIO} or {@code ACTIVE_PORTFOLIO_MOCK} */
    public HoldingsCodeSource(JdbcTemplate jdbc, String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.sql = "SELECT STOCK_CODE FROM " + table + " WHERE QUANTITY > 0 ORDER BY STOCK_CODE";
    }

    /** The holdings table for a trading mode ({@code REAL} or {@code MOCK}; anything else is rejected). */
    public static String tableFor(String tradingMode) {
        return TableNames.forTradingMode(tradingMode).activePortfolio();
    }

    @Override
    public List<String> codes() {
        return jdbc.queryForList(sql, String.class);
    }
}
