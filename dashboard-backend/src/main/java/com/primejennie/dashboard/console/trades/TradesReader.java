package com.primejennie.dashboard.console.trades;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.Kst;
import com.primejennie.dashboard.console.overview.OverviewReader;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.persistence.TableNames;

/**
 * TRADELOG and the order ledger with its fills for a range of KST days and optionally one stock. Times in both tables
 * are naive UTC; the page shows them as they are labelled (UTC) to avoid a second clock.
 */
@Component
public class TradesReader {

    public record Trade(long id, String code, String name, String type, int quantity, long price, long amount,
                        LocalDateTime at, String reason, String strategy, Long profit) {
    }

    public record Fill(long cumQuantity, long quantity, long amount, long fee, long tax, LocalDateTime at) {
    }

    public record Order(String intentKey, String code, String name, String side, long quantity, String type,
                        long limitPrice, String state, long filledQuantity, long filledAmount, long fee, long tax,
                        LocalDateTime createdAt, String source, List<Fill> fills) {

        /** Filled some but not all (and still waiting or finished so). */
        public boolean partial() {
            return filledQuantity > 0 && filledQuantity < quantity;
        }
    }

    public record Filter(LocalDate from, LocalDate to, String code) {
    }

    private final JdbcClient jdbc;
    private final TableNames tables;
    private final TradingDay tradingDay;

    public TradesReader(DataSource dataSource, TableNames tables, TradingDay tradingDay) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = tables;
        this.tradingDay = tradingDay;
    }

    public Filter normalise(LocalDate from, LocalDate to, String code) {
        LocalDate today = tradingDay.today();
        LocalDate t = to == null ? today : to;
        LocalDate f = from == null ? t.minusDays(30) : from;
        if (f.isAfter(t)) {
            throw new IllegalArgumentException("from " + f + " is after to " + t);
        }
        String c = code == null || code.isBlank() ? null : code.trim();
        if (c != null && !c.matches("[0-9A-Za-z]{1,20}")) {
            throw new IllegalArgumentException("stock code '" + code + "' is not a code (digits/letters, up to 20)");
        }
        return new Filter(f, t, c);
    }

    public List<Trade> trades(Filter filter) {
        LocalDateTime start = Kst.startUtc(filter.from());
        LocalDateTime end = Kst.endUtc(filter.to());
        String sql = "SELECT t.LOG_ID, t.STOCK_CODE, s.STOCK_NAME, t.TRADE_TYPE, t.QUANTITY, t.PRICE, t.REASON, "
                + "t.TRADE_TIMESTAMP, t.STRATEGY_SIGNAL, t.KEY_METRICS_JSON FROM " + tables.tradeLog() + " t "
                + "LEFT JOIN STOCK_MASTER s ON s.STOCK_CODE = t.STOCK_CODE "
                + "WHERE t.TRADE_TIMESTAMP >= ? AND t.TRADE_TIMESTAMP < ?"
                + (filter.code() == null ? "" : " AND t.STOCK_CODE = ?") + " ORDER BY t.TRADE_TIMESTAMP DESC, "
                + "t.LOG_ID DESC LIMIT 500";
        List<Object> params = new ArrayList<>(List.of(start, end));
        if (filter.code() != null) {
            params.add(filter.code());
        }
        return jdbc.sql(sql).params(params).query((rs, i) -> {
            int qty = rs.getInt("QUANTITY");
            long price = Math.round(rs.getDouble("PRICE"));
            String type = rs.getString("TRADE_TYPE");
            String metrics = rs.getString("KEY_METRICS_JSON");
            Long profit = "SELL".equalsIgnoreCase(type) && metrics != null && metrics.contains("profit_amount")
                    ? OverviewReader.profitAmount(metrics) : null;
            String name = rs.getString("STOCK_NAME");
            return new Trade(rs.getLong("LOG_ID"), rs.getString("STOCK_CODE"),
                    name == null ? rs.getString("STOCK_CODE") : name, type, qty, price, qty * price,
                    rs.getObject("TRADE_TIMESTAMP", LocalDateTime.class), rs.getString("REASON"),
                    rs.getString("STRATEGY_SIGNAL"), profit);
        }).list();
    }

    public List<Order> orders(Filter filter) {
        LocalDateTime start = Kst.startUtc(filter.from());
        LocalDateTime end = Kst.endUtc(filter.to());
        boolean mock = tables.mock();
        String ledger = mock ? "ORDER_LEDGER_MOCK" : "ORDER_LEDGER";
        String fills = mock ? "ORDER_FILL_MOCK" : "ORDER_FILL";
        String sql = "SELECT * FROM " + ledger + " WHERE CREATED_AT >= ? AND CREATED_AT < ?"
                + (filter.code() == null ? "" : " AND STOCK_CODE = ?") + " ORDER BY CREATED_AT DESC LIMIT 300";
        List<Object> params = new ArrayList<>(List.of(start, end));
        if (filter.code() != null) {
            params.add(filter.code());
        }
        List<Map<String, Object>> rows = jdbc.sql(sql).params(params).query().listOfRows();
        List<Order> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String key = (String) r.get("INTENT_KEY");
            List<Fill> f = jdbc.sql("SELECT CUM_QUANTITY, QUANTITY, AMOUNT, FEE, TAX, APPLIED_AT FROM " + fills
                            + " WHERE INTENT_KEY = ? ORDER BY CUM_QUANTITY")
                    .param(key).query((rs, i) -> new Fill(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getObject(6, LocalDateTime.class))).list();
            out.add(new Order(key, (String) r.get("STOCK_CODE"), (String) r.get("STOCK_NAME"),
                    (String) r.get("SIDE"), num(r.get("QUANTITY")), (String) r.get("ORDER_TYPE"),
                    num(r.get("LIMIT_PRICE")), (String) r.get("STATE"), num(r.get("FILLED_QUANTITY")),
                    num(r.get("FILLED_AMOUNT")), num(r.get("FEE")), num(r.get("TAX")),
                    Kst.time(r.get("CREATED_AT")), (String) r.get("SOURCE"), f));
        }
        return out;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
