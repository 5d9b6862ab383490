package com.primejennie.scoutjob.scout.inputs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.scoutjob.scout.quant.InvestorDay;
import com.primejennie.scoutjob.scout.quant.Quarter;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.TableNames;

/**
 * Reads what scout scores from, as the data jobs (and news-archiver) write it: daily prices
 * ({@code STOCK_DAILY_PRICES_3Y}, through the shared repository), investor flows ({@code STOCK_INVESTOR_TRADING}),
 * quarterly financials ({@code FINANCIAL_METRICS_QUARTERLY}), the one sentiment table
 * ({@code STOCK_NEWS_SENTIMENT}, {@code _MOCK} in mock mode) and the read-only {@code LLM_EVAL_CACHE}.
 * Every optional read answers empty rather than failing the run when its table is empty or missing a row.
 */
public final class ScoutDataReader {

    private final JdbcClient jdbc;
    private final DailyPriceRepository prices;
    private final String sentimentTable;

    public ScoutDataReader(JdbcClient jdbc, DailyPriceRepository prices, TableNames tables) {
        this.jdbc = jdbc;
        this.prices = prices;
        this.sentimentTable = "STOCK_NEWS_SENTIMENT" + (tables.mock() ? "_MOCK" : "");
    }

    public String sentimentTable() {
        return sentimentTable;
    }

    /** The latest {@code count} daily bars, oldest first. */
    public List<DailyPrice> prices(String code, int count) {
        return prices.findLatest(code, count);
    }

    /** The last close and the one before it for every code with rows since {@code since}. */
    public Map<String, LastCloses> lastCloses(LocalDate since) {
        Map<String, List<Object[]>> rows = new HashMap<>();
        jdbc.sql("SELECT STOCK_CODE, PRICE_DATE, CLOSE_PRICE, VOLUME FROM STOCK_DAILY_PRICES_3Y WHERE PRICE_DATE >= ? "
                        + "ORDER BY STOCK_CODE, PRICE_DATE")
                .param(since)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getString("STOCK_CODE"), k -> new ArrayList<>())
                            .add(new Object[] {rs.getObject("PRICE_DATE", LocalDate.class), rs.getDouble("CLOSE_PRICE"),
                                    rs.getLong("VOLUME")});
                });
        Map<String, LastCloses> out = new HashMap<>();
        rows.forEach((code, list) -> {
            Object[] last = list.get(list.size() - 1);
            Double previous = list.size() >= 2 ? (Double) list.get(list.size() - 2)[1] : null;
            out.put(code, new LastCloses(code, (LocalDate) last[0], (Double) last[1], previous, (Long) last[2]));
        });
        return out;
    }

    /** A code's last close (and its date), the close before it (null with one row) and the last volume. */
    public record LastCloses(String code, LocalDate date, double close, Double previousClose, long volume) {
        /** Change between the last two closes, %; 0 when there is one close. */
        public double changePct() {
            return previousClose == null || previousClose == 0 ? 0 : (close / previousClose - 1) * 100;
        }
    }

    /** The latest {@code count} days of investor flows, oldest first. */
    public List<InvestorDay> flows(String code, int count) {
        List<InvestorDay> list = new ArrayList<>(jdbc.sql("SELECT TRADE_DATE, FOREIGN_NET_BUY, INSTITUTION_NET_BUY, "
                        + "INDIVIDUAL_NET_BUY, FOREIGN_HOLDING_RATIO FROM STOCK_INVESTOR_TRADING WHERE STOCK_CODE = ? "
                        + "ORDER BY TRADE_DATE DESC LIMIT ?")
                .params(code, count)
                .query((rs, i) -> new InvestorDay(rs.getObject("TRADE_DATE", LocalDate.class),
                        nullable(rs.getObject("FOREIGN_NET_BUY")), nullable(rs.getObject("INSTITUTION_NET_BUY")),
                        nullable(rs.getObject("INDIVIDUAL_NET_BUY")), nullable(rs.getObject("FOREIGN_HOLDING_RATIO"))))
                .list());
        Collections.reverse(list);
        return list;
    }

    /** The latest {@code count} quarters, oldest first. */
    public List<Quarter> quarters(String code, int count) {
        List<Quarter> list = new ArrayList<>(jdbc.sql("SELECT QUARTER_DATE, ROE, PER, EPS FROM "
                        + "FINANCIAL_METRICS_QUARTERLY WHERE STOCK_CODE = ? ORDER BY QUARTER_DATE DESC LIMIT ?")
                .params(code, count)
                .query((rs, i) -> new Quarter(rs.getObject("QUARTER_DATE", LocalDate.class),
                        nullable(rs.getObject("ROE")), nullable(rs.getObject("PER")), nullable(rs.getObject("EPS"))))
                .list());
        Collections.reverse(list);
        return list;
    }

    /**
     * The sentiment score scout uses (spec/upstream-2026-02-18.md): the latest within 3 days of {@code nowUtc}, else
     * the average of the last 7 days, else empty (neutral; lowers completeness).
     */
    public Optional<Double> sentiment(String code, LocalDateTime nowUtc) {
        List<Double> latest = jdbc.sql("SELECT SENTIMENT_SCORE FROM " + sentimentTable + " WHERE STOCK_CODE = ? "
                        + "AND SENTIMENT_SCORE IS NOT NULL AND COALESCE(PUBLISHED_AT, NEWS_DATE) >= ? "
                        + "ORDER BY COALESCE(PUBLISHED_AT, NEWS_DATE) DESC LIMIT 1")
                .params(code, nowUtc.minusDays(3)).query(Double.class).list();
        if (!latest.isEmpty()) {
            return Optional.of(latest.get(0));
        }
        return average(code, nowUtc.minusDays(7), nowUtc);
    }

    /** Mean of the last 7 days minus mean of days 8-37; empty unless both windows have scores. */
    public Optional<Double> sentimentMomentum(String code, LocalDateTime nowUtc) {
        Optional<Double> recent = average(code, nowUtc.minusDays(7), nowUtc);
        Optional<Double> before = average(code, nowUtc.minusDays(37), nowUtc.minusDays(7));
        return recent.isPresent() && before.isPresent() ? Optional.of(recent.get() - before.get()) : Optional.empty();
    }

    private Optional<Double> average(String code, LocalDateTime from, LocalDateTime to) {
        Double avg = jdbc.sql("SELECT AVG(SENTIMENT_SCORE) FROM " + sentimentTable + " WHERE STOCK_CODE = ? "
                        + "AND COALESCE(PUBLISHED_AT, NEWS_DATE) >= ? AND COALESCE(PUBLISHED_AT, NEWS_DATE) < ?")
                .params(code, from, to).query(Double.class).optional().orElse(null);
        return Optional.ofNullable(avg);
    }

    /** Today's cached hunter score ({@code LLM_EVAL_CACHE}, which nothing in this suite writes), if any. */
    public Optional<Double> cachedHunterScore(String code, LocalDate today) {
        return jdbc.sql("SELECT HUNTER_SCORE FROM LLM_EVAL_CACHE WHERE STOCK_CODE = ? AND EVAL_DATE = ?")
                .params(code, today).query(Double.class).optional();
    }

    /** Codes among {@code codes} that have at least one price row. */
    public Set<String> withPrices(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT STOCK_CODE FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE IN (:c)")
                .param("c", codes).query(String.class).list());
    }

    private static Double nullable(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
