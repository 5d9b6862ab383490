package com.primejennie.dashboard.console.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.Kst;
import com.primejennie.dashboard.console.overview.OverviewReader;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.persistence.TableNames;

/**
 * Performance of a period from TRADELOG: each sell's net P/L is the ledger's {@code profit_amount} of record (cost
 * from the position, fees and tax deducted), so a sell whose buy lies before the period still counts (the Python page
 * matched FIFO only within the period and dropped it). Sells without a recorded P/L are counted and shown apart.
 * Win rate, profit factor (Σwins/Σ|losses|, none without losses) and MDD on equity = starting capital + cumulative
 * net, in percent (≤ 0).
 */
@Component
public class PerformanceReader {

    public record Point(LocalDateTime at, long cumulative) {
    }

    public record StockLine(String code, String name, long buyAmount, long sellAmount, long netProfit, int sells) {
    }

    public record Figures(LocalDate from, LocalDate to, String preset, int buys, int sells, int unpriced, int wins,
                          int losses, long netProfit, long buyAmount, long sellAmount, BigDecimal winRate,
                          BigDecimal profitFactor, BigDecimal mdd, List<Point> curve, List<StockLine> byStock) {
    }

    private final JdbcClient jdbc;
    private final TableNames tables;
    private final TradingDay tradingDay;
    private final BigDecimal startingCapital;

    public PerformanceReader(DataSource dataSource, TableNames tables, TradingDay tradingDay,
                             @Value("${jennie.dashboard.starting-capital:200000000}") BigDecimal startingCapital) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = tables;
        this.tradingDay = tradingDay;
        this.startingCapital = startingCapital;
    }

    /** [from, to] of a preset (today, week, month, year, all) or of the given dates. */
    public LocalDate[] period(String preset, LocalDate from, LocalDate to) {
        LocalDate today = tradingDay.today();
        if (from != null || to != null) {
            LocalDate t = to == null ? today : to;
            LocalDate f = from == null ? t.minusDays(30) : from;
            if (f.isAfter(t)) {
                throw new IllegalArgumentException("from " + f + " is after to " + t);
            }
            return new LocalDate[] {f, t};
        }
        return switch (preset == null ? "month" : preset) {
            case "today" -> new LocalDate[] {today, today};
            case "week" -> new LocalDate[] {today.with(DayOfWeek.MONDAY), today};
            case "month" -> new LocalDate[] {today.withDayOfMonth(1), today};
            case "year" -> new LocalDate[] {today.withDayOfYear(1), today};
            case "all" -> new LocalDate[] {LocalDate.of(2000, 1, 1), today};
            default -> throw new IllegalArgumentException("unknown period '" + preset
                    + "' (today, week, month, year, all)");
        };
    }

    public Figures read(String preset, LocalDate from, LocalDate to) {
        LocalDate[] p = period(preset, from, to);
        LocalDateTime start = Kst.startUtc(p[0]);
        LocalDateTime end = Kst.endUtc(p[1]);
        List<Map<String, Object>> rows = jdbc.sql("SELECT t.STOCK_CODE, s.STOCK_NAME, t.TRADE_TYPE, t.QUANTITY, "
                        + "t.PRICE, t.TRADE_TIMESTAMP, t.KEY_METRICS_JSON FROM " + tables.tradeLog() + " t "
                        + "LEFT JOIN STOCK_MASTER s ON s.STOCK_CODE = t.STOCK_CODE "
                        + "WHERE t.TRADE_TIMESTAMP >= ? AND t.TRADE_TIMESTAMP < ? ORDER BY t.TRADE_TIMESTAMP, t.LOG_ID")
                .params(start, end).query().listOfRows();
        int buys = 0;
        int sells = 0;
        int unpriced = 0;
        int wins = 0;
        int losses = 0;
        long net = 0;
        long winSum = 0;
        long lossSum = 0;
        long buyAmount = 0;
        long sellAmount = 0;
        BigDecimal peak = startingCapital;
        BigDecimal mdd = BigDecimal.ZERO;
        List<Point> curve = new ArrayList<>();
        Map<String, long[]> byCode = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String code = (String) r.get("STOCK_CODE");
            names.putIfAbsent(code, r.get("STOCK_NAME") == null ? code : (String) r.get("STOCK_NAME"));
            long qty = r.get("QUANTITY") == null ? 0 : ((Number) r.get("QUANTITY")).longValue();
            long amount = Math.round(qty * (r.get("PRICE") == null ? 0 : ((Number) r.get("PRICE")).doubleValue()));
            long[] s = byCode.computeIfAbsent(code, c -> new long[4]);
            String type = String.valueOf(r.get("TRADE_TYPE")).toUpperCase();
            if (type.equals("BUY")) {
                buys++;
                buyAmount += amount;
                s[0] += amount;
                continue;
            }
            if (!type.equals("SELL")) {
                continue;
            }
            sells++;
            sellAmount += amount;
            s[1] += amount;
            s[3]++;
            String metrics = (String) r.get("KEY_METRICS_JSON");
            if (metrics == null || !metrics.contains("profit_amount")) {
                unpriced++;
                continue;
            }
            long profit = OverviewReader.profitAmount(metrics);
            s[2] += profit;
            net += profit;
            if (profit > 0) {
                wins++;
                winSum += profit;
            } else if (profit < 0) {
                losses++;
                lossSum += -profit;
            }
            curve.add(new Point(Kst.time(r.get("TRADE_TIMESTAMP")), net));
            BigDecimal equity = startingCapital.add(BigDecimal.valueOf(net));
            peak = peak.max(equity);
            BigDecimal dd = equity.subtract(peak).multiply(BigDecimal.valueOf(100)).divide(peak, 2,
                    RoundingMode.HALF_UP);
            mdd = mdd.min(dd);
        }
        int decided = wins + losses;
        BigDecimal winRate = decided == 0 ? null : BigDecimal.valueOf(wins * 100L).divide(BigDecimal.valueOf(
                decided), 1, RoundingMode.HALF_UP);
        BigDecimal pf = lossSum == 0 ? null : BigDecimal.valueOf(winSum).divide(BigDecimal.valueOf(lossSum), 2,
                RoundingMode.HALF_UP);
        List<StockLine> lines = new ArrayList<>();
        byCode.forEach((code, s) -> lines.add(new StockLine(code, names.get(code), s[0], s[1], s[2], (int) s[3])));
        lines.sort((a, b) -> Long.compare(b.netProfit(), a.netProfit()));
        return new Figures(p[0], p[1], preset, buys, sells, unpriced, wins, losses, net, buyAmount, sellAmount, winRate,
                pf, mdd, curve, lines);
    }
}
