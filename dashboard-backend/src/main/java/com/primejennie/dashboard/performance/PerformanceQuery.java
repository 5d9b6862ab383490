package com.primejennie.dashboard.performance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.DashboardProperties;
import com.primejennie.dashboard.portfolio.Money;
import com.primejennie.dashboard.portfolio.PortfolioQuery;
import com.primejennie.dashboard.trades.KeyMetricsJson;
import com.primejennie.dashboard.web.BadParameterException;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.TableNames;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/performance} and its summary: a period in Korea dates, trades from TRADELOG, holdings valued now. */
@Service
public class PerformanceQuery {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /** A period of Korea dates; {@code start} null = since the beginning. */
    public record Period(LocalDate start, LocalDate end) {
    }

    private final JdbcClient jdbc;
    private final TableNames tables;
    private final JsonMapper json;
    private final MarketClock clock;
    private final PortfolioQuery portfolio;
    private final DashboardProperties properties;

    public PerformanceQuery(JdbcClient jdbc, TableNames tables, JsonMapper json, MarketClock clock,
                            PortfolioQuery portfolio, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.json = json;
        this.clock = clock;
        this.portfolio = portfolio;
        this.properties = properties;
    }

    /** The period of a preset (today, week = Monday on, month, year, all) or of explicit dates. */
    public Period period(String preset, LocalDate start, LocalDate end) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), KST);
        if (start != null || end != null) {
            LocalDate e = end == null ? today : end;
            if (start != null && start.isAfter(e)) {
                throw new BadParameterException("query", "start_date", "start_date " + start + " is after end_date "
                        + e);
            }
            return new Period(start, e);
        }
        String p = preset == null || preset.isBlank() ? "month" : preset;
        return switch (p) {
            case "today" -> new Period(today, today);
            case "week" -> new Period(today.with(DayOfWeek.MONDAY), today);
            case "month" -> new Period(today.withDayOfMonth(1), today);
            case "year" -> new Period(today.withDayOfYear(1), today);
            case "all" -> new Period(null, today);
            default -> throw new BadParameterException("query", "preset",
                    "preset must be one of today, week, month, year, all, was '" + p + "'");
        };
    }

    public Map<String, Object> performance(Period period) {
        LocalDateTime from = period.start() == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : utc(period.start());
        LocalDateTime to = utc(period.end().plusDays(1));
        List<PerformanceCalculator.Trade> trades = jdbc.sql("SELECT STOCK_CODE, TRADE_TYPE, QUANTITY, PRICE, "
                        + "TRADE_TIMESTAMP, KEY_METRICS_JSON FROM " + tables.tradeLog()
                        + " WHERE TRADE_TIMESTAMP >= ? AND TRADE_TIMESTAMP < ? ORDER BY TRADE_TIMESTAMP, LOG_ID")
                .params(from, to).query((rs, i) -> {
                    boolean sell = "SELL".equals(rs.getString("TRADE_TYPE"));
                    int qty = rs.getInt("QUANTITY");
                    long amount = Math.round(qty * rs.getDouble("PRICE"));
                    LocalDate date = rs.getTimestamp("TRADE_TIMESTAMP").toLocalDateTime().atOffset(ZoneOffset.UTC)
                            .atZoneSameInstant(KST).toLocalDate();
                    JsonNode m = KeyMetricsJson.parse(json, rs.getString("KEY_METRICS_JSON"));
                    Long net = m.hasNonNull("profit_amount") ? m.get("profit_amount").asLong() : null;
                    long fee = m.path("fee").asLong(0) + m.path("buy_fee").asLong(0);
                    long tax = m.path("tax").asLong(0);
                    long gross = m.hasNonNull("gross_profit_amount") ? m.get("gross_profit_amount").asLong()
                            : net == null ? 0 : net + fee + tax;
                    if (m.hasNonNull("fill_amount")) {
                        amount = m.get("fill_amount").asLong();
                    }
                    return new PerformanceCalculator.Trade(rs.getString("STOCK_CODE"), sell, qty, amount, date,
                            sell ? net : null, gross, fee, tax);
                }).list();
        Map<String, String> names = names();
        Map<String, Object> realised = PerformanceCalculator.realised(trades, properties.startingCapital(),
                code -> names.getOrDefault(code, code));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", Shape.of("start", period.start() == null ? null : period.start().toString(),
                "end", period.end().toString()));
        out.put("realized", realised.get("realized"));
        out.put("unrealized", unrealised());
        out.putAll(Map.of());
        out.put("stats", realised.get("stats"));
        out.put("cumulative_profit_curve", realised.get("cumulative_profit_curve"));
        out.put("by_stock", realised.get("by_stock"));
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> summary() {
        Map<String, Object> p = performance(period("month", null, null));
        Map<String, Object> realised = (Map<String, Object>) p.get("realized");
        Map<String, Object> stats = (Map<String, Object>) p.get("stats");
        Map<String, Object> counts = (Map<String, Object>) stats.get("trade_count");
        return Shape.of("period", "month", "net_profit", realised.get("net_profit"),
                "profit_rate", realised.get("net_profit_rate"), "win_rate", stats.get("win_rate"),
                "trade_count", counts.get("sell"), "mdd", stats.get("mdd"));
    }

    private Map<String, Object> unrealised() {
        long value = 0;
        long cost = 0;
        for (PortfolioQuery.ValuedPosition v : portfolio.valued()) {
            value += v.value();
            cost += v.cost();
        }
        return Shape.of("total_value", value, "total_cost", cost, "unrealized_profit", value - cost,
                "unrealized_profit_rate", Money.pct(value - cost, cost));
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT STOCK_CODE, STOCK_NAME FROM STOCK_MASTER").query((rs, i) -> names.put(rs.getString(1),
                rs.getString(2))).list();
        jdbc.sql("SELECT STOCK_CODE, STOCK_NAME FROM WATCHLIST").query((rs, i) -> names.put(rs.getString(1),
                rs.getString(2))).list();
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }

    private static LocalDateTime utc(LocalDate kstDate) {
        return kstDate.atStartOfDay(KST).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
