package com.primejennie.dashboard.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.primejennie.dashboard.portfolio.Money;
import com.primejennie.dashboard.web.Shape;

/**
 * The realised side of {@code /api/performance} from the PnL of record: every SELL in the period counts with the
 * {@code profit_amount} the order service wrote at the fill (average cost, net of buy fee, sell fee and sell tax),
 * so a sell counts fully even when its buys lie before the period. The Python dashboard re-matched sells FIFO
 * against buys inside the period only, so the figures changed with the start date [DEFECT, fixed]. MDD is taken on
 * equity = configured starting capital + cumulative net (the Python code used a literal 200,000,000).
 */
public final class PerformanceCalculator {

    /**
     * One TRADELOG row as performance needs it. For a SELL, {@code net}, {@code gross}, {@code fees}
     * (buy fee on the cost + sell fee) and {@code tax} come from KEY_METRICS_JSON; {@code net} is null when the row
     * has no PnL of record (a sell of a position the suite did not buy).
     */
    public record Trade(String code, boolean sell, int quantity, long amount, LocalDate date, Long net, long gross,
                        long fees, long tax) {
    }

    private PerformanceCalculator() {
    }

    public static Map<String, Object> realised(List<Trade> trades, BigDecimal startingCapital,
                                               Function<String, String> names) {
        long buyAmount = 0;
        long sellAmount = 0;
        long gross = 0;
        long fees = 0;
        long taxes = 0;
        long net = 0;
        long costOfSold = 0;
        int buys = 0;
        int sells = 0;
        int wins = 0;
        int losses = 0;
        int unpriced = 0;
        double winSum = 0;
        double lossSum = 0;
        double equity = startingCapital.doubleValue();
        double peak = equity;
        double mdd = 0;
        long cumulative = 0;
        List<Map<String, Object>> curve = new ArrayList<>();
        Map<String, long[]> byStock = new LinkedHashMap<>(); // buy, sell, net, cost
        for (Trade t : trades) {
            long[] s = byStock.computeIfAbsent(t.code(), c -> new long[4]);
            if (!t.sell()) {
                buys++;
                buyAmount += t.amount();
                s[0] += t.amount();
                continue;
            }
            sells++;
            sellAmount += t.amount();
            s[1] += t.amount();
            if (t.net() == null) {
                unpriced++;
                continue;
            }
            long n = t.net();
            gross += t.gross();
            fees += t.fees();
            taxes += t.tax();
            net += n;
            long cost = t.amount() - t.gross();
            costOfSold += cost;
            s[2] += n;
            s[3] += cost;
            if (n > 0) {
                wins++;
                winSum += n;
            } else {
                losses++;
                lossSum += -n;
            }
            cumulative += n;
            curve.add(Shape.of("date", t.date().toString(), "profit", cumulative));
            equity = startingCapital.doubleValue() + cumulative;
            peak = Math.max(peak, equity);
            mdd = Math.min(mdd, (equity - peak) / peak * 100.0);
        }
        List<Map<String, Object>> stocks = new ArrayList<>();
        byStock.forEach((code, s) -> stocks.add(Shape.of("stock_code", code, "stock_name", names.apply(code),
                "buy_amount", s[0], "sell_amount", s[1], "net_profit", s[2], "profit_rate", Money.pct(s[2], s[3]))));
        stocks.sort(Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("net_profit")).reversed());
        int decided = wins + losses;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("realized", Shape.of("total_buy_amount", buyAmount, "total_sell_amount", sellAmount,
                "gross_profit", gross, "fees", fees, "taxes", taxes, "net_profit", net,
                "net_profit_rate", Money.pct(net, costOfSold)));
        out.put("stats", Shape.of("trade_count", Shape.of("buy", buys, "sell", sells), "win_count", wins,
                "loss_count", losses, "win_rate", Money.pct(wins, decided),
                "profit_factor", lossSum == 0 ? null : Money.round2(winSum / lossSum), "mdd", Money.round2(mdd),
                "unpriced_sell_count", unpriced));
        out.put("cumulative_profit_curve", curve);
        out.put("by_stock", stocks);
        return out;
    }
}
