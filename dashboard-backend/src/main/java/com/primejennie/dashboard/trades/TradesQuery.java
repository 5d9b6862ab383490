package com.primejennie.dashboard.trades;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.persistence.TableNames;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trade journal and the watchlist as the old pages list them. Trades carry the stock name (STOCK_MASTER or
 * WATCHLIST) and, for sells, the PnL of record ({@code profit_amount}), where the Python API sent nulls.
 */
@Service
public class TradesQuery {

    private final JdbcClient jdbc;
    private final TableNames tables;
    private final JsonMapper json;

    public TradesQuery(JdbcClient jdbc, TableNames tables, JsonMapper json) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.json = json;
    }

    public List<Map<String, Object>> trades(int limit, int offset) {
        return jdbc.sql("SELECT T.LOG_ID, T.STOCK_CODE, T.TRADE_TYPE, T.QUANTITY, T.PRICE, T.TRADE_TIMESTAMP, "
                        + "T.KEY_METRICS_JSON, COALESCE(M.STOCK_NAME, W.STOCK_NAME) AS NAME FROM " + tables.tradeLog()
                        + " T LEFT JOIN STOCK_MASTER M ON M.STOCK_CODE = T.STOCK_CODE LEFT JOIN WATCHLIST W ON "
                        + "W.STOCK_CODE = T.STOCK_CODE ORDER BY T.TRADE_TIMESTAMP DESC, T.LOG_ID DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(this::trade).list();
    }

    private Map<String, Object> trade(ResultSet rs, int row) throws SQLException {
        int qty = rs.getInt("QUANTITY");
        double price = rs.getDouble("PRICE");
        Timestamp at = rs.getTimestamp("TRADE_TIMESTAMP");
        Object profit = null;
        if ("SELL".equals(rs.getString("TRADE_TYPE"))) {
            JsonNode metrics = KeyMetricsJson.parse(json, rs.getString("KEY_METRICS_JSON"));
            JsonNode p = metrics.get("profit_amount");
            profit = p == null || p.isNull() ? null : p.asLong();
        }
        return Shape.of("id", rs.getLong("LOG_ID"), "stock_code", rs.getString("STOCK_CODE"),
                "stock_name", rs.getString("NAME"), "trade_type", rs.getString("TRADE_TYPE"), "quantity", qty,
                "price", price, "total_amount", qty * price,
                "traded_at", at == null ? null : at.toLocalDateTime().toString(), "profit", profit);
    }

    public List<Map<String, Object>> watchlist(int limit) {
        return jdbc.sql("SELECT STOCK_CODE, STOCK_NAME, LLM_SCORE, PER, PBR, IS_TRADABLE FROM WATCHLIST "
                        + "ORDER BY COALESCE(LLM_SCORE, 0) DESC, STOCK_CODE LIMIT ?").param(limit)
                .query((rs, i) -> Shape.of("stock_code", rs.getString("STOCK_CODE"),
                        "stock_name", rs.getString("STOCK_NAME"), "llm_score", nullableDouble(rs, "LLM_SCORE"),
                        "per", nullableDouble(rs, "PER"), "pbr", nullableDouble(rs, "PBR"),
                        "is_tradable", rs.getInt("IS_TRADABLE") != 0)).list();
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
