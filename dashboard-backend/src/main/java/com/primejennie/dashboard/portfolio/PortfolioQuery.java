package com.primejennie.dashboard.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;

/**
 * Portfolio summary, positions and asset history (spec §2.4 "Portfolio"): holdings from ACTIVE_PORTFOLIO (written by
 * the order service), valued at the live price or, without one, at the average price.
 */
@Service
public class PortfolioQuery {

    /** One held position valued now. */
    public record ValuedPosition(Position position, long price) {

        public long value() {
            return price * position.quantity();
        }

        public long cost() {
            return position.averageBuyPrice() == null ? 0 : position.averageBuyPrice()
                    .multiply(BigDecimal.valueOf(position.quantity())).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValue();
        }
    }

    private final ActivePortfolioRepository portfolio;
    private final PriceSource prices;
    private final JdbcClient jdbc;

    public PortfolioQuery(ActivePortfolioRepository portfolio, PriceSource prices, JdbcClient jdbc) {
        this.portfolio = portfolio;
        this.prices = prices;
        this.jdbc = jdbc;
    }

    /** Held positions (quantity > 0) with their current price. */
    public List<ValuedPosition> valued() {
        List<Position> held = portfolio.findAll().stream().filter(p -> p.quantity() > 0).toList();
        Map<String, Long> now = prices.prices(held.stream().map(Position::stockCode).toList());
        List<ValuedPosition> out = new ArrayList<>();
        for (Position p : held) {
            long avg = p.averageBuyPrice() == null ? 0 : p.averageBuyPrice().setScale(0,
                    java.math.RoundingMode.HALF_UP).longValue();
            out.add(new ValuedPosition(p, now.getOrDefault(p.stockCode(), avg)));
        }
        return out;
    }

    public Map<String, Object> summary() {
        List<ValuedPosition> held = valued();
        if (held.isEmpty()) {
            return Shape.of("total_value", 0L, "total_invested", 0L, "total_profit", 0L, "profit_rate", 0.0,
                    "cash_balance", 0L, "positions_count", 0);
        }
        long invested = held.stream().mapToLong(ValuedPosition::cost).sum();
        long value = held.stream().mapToLong(ValuedPosition::value).sum();
        long cash = prices.cash();
        long profit = value - invested;
        return Shape.of("total_value", value + cash, "total_invested", invested, "total_profit", profit,
                "profit_rate", Money.pct(profit, invested), "cash_balance", cash, "positions_count", held.size());
    }

    public List<Map<String, Object>> positions() {
        List<ValuedPosition> held = valued();
        long total = held.stream().mapToLong(ValuedPosition::value).sum();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ValuedPosition v : held) {
            Position p = v.position();
            long profit = v.value() - v.cost();
            out.add(Shape.of("stock_code", p.stockCode(), "stock_name", p.stockName() == null ? p.stockCode()
                            : p.stockName(), "quantity", p.quantity(),
                    "avg_price", p.averageBuyPrice() == null ? 0.0 : p.averageBuyPrice().doubleValue(),
                    "current_price", v.price(), "profit", profit, "profit_rate", Money.pct(profit, v.cost()),
                    "weight", Money.pct(v.value(), total)));
        }
        return out;
    }

    /** The last {@code days} rows of DAILY_ASSET_SNAPSHOT, oldest first. */
    public List<Map<String, Object>> history(int days) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("SELECT SNAPSHOT_DATE, TOTAL_ASSET_AMOUNT, "
                        + "CASH_BALANCE, STOCK_EVAL_AMOUNT, TOTAL_PROFIT_LOSS FROM DAILY_ASSET_SNAPSHOT "
                        + "ORDER BY SNAPSHOT_DATE DESC LIMIT ?").param(days)
                .query((rs, i) -> Shape.of("date", rs.getDate("SNAPSHOT_DATE").toLocalDate().toString(),
                        "total_asset", num(rs.getBigDecimal("TOTAL_ASSET_AMOUNT")),
                        "cash_balance", num(rs.getBigDecimal("CASH_BALANCE")),
                        "stock_eval", num(rs.getBigDecimal("STOCK_EVAL_AMOUNT")),
                        "total_profit", num(rs.getBigDecimal("TOTAL_PROFIT_LOSS")))).list());
        Collections.reverse(rows);
        return rows;
    }

    private static long num(BigDecimal value) {
        return value == null ? 0 : value.longValue();
    }
}
