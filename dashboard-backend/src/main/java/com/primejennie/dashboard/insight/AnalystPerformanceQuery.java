package com.primejennie.dashboard.insight;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.portfolio.Money;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.market.MarketClock;

/**
 * {@code /api/analyst/performance} (spec §2.4): how the LLM's BUY/SELL decisions of the lookback window did 1, 5 and
 * 20 trading days later, by regime and by score bucket. With no decisions the shape stays complete: {@code overall}
 * holds zeros (the Python API sent null, which the page could not read).
 */
@Service
public class AnalystPerformanceQuery {

    static final Map<String, String> TAGS = tags();

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public AnalystPerformanceQuery(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Decision(LocalDateTime at, String code, String name, String decision, Double score,
                            String regime, String reason, Double r1, Double r5, Double r20) {
    }

    public Map<String, Object> performance(int limit, int offset, int lookbackDays) {
        LocalDateTime since = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(lookbackDays);
        List<Map<String, Object>> rows = jdbc.sql("SELECT `TIMESTAMP` AS TS, STOCK_CODE, STOCK_NAME, FINAL_DECISION, "
                        + "HUNTER_SCORE, MARKET_REGIME, FINAL_REASON FROM LLM_DECISION_LEDGER WHERE FINAL_DECISION IN "
                        + "('BUY', 'SELL') AND `TIMESTAMP` >= ? ORDER BY `TIMESTAMP` DESC, LOG_ID DESC")
                .param(since).query().listOfRows();
        List<Decision> decisions = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            LocalDateTime at = ((Timestamp) r.get("TS")).toLocalDateTime();
            String code = (String) r.get("STOCK_CODE");
            String decision = (String) r.get("FINAL_DECISION");
            List<Double> closes = jdbc.sql("SELECT CLOSE_PRICE FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? AND "
                            + "PRICE_DATE >= ? ORDER BY PRICE_DATE LIMIT 21").params(code, at.toLocalDate())
                    .query(Double.class).list();
            int sign = decision.equals("SELL") ? -1 : 1;
            decisions.add(new Decision(at, code, (String) r.get("STOCK_NAME"), decision,
                    r.get("HUNTER_SCORE") == null ? null : ((Number) r.get("HUNTER_SCORE")).doubleValue(),
                    (String) r.get("MARKET_REGIME"), (String) r.get("FINAL_REASON"), ret(closes, 1, sign),
                    ret(closes, 5, sign), ret(closes, 20, sign)));
        }
        List<Decision> with5 = decisions.stream().filter(d -> d.r5() != null).toList();
        Map<String, Object> overall = Shape.of("win_rate_5d", winRate(with5), "avg_return_5d", avg(with5),
                "total_decisions", decisions.size());
        List<Map<String, Object>> byRegime = group(decisions, d -> d.regime() == null ? "UNKNOWN" : d.regime(),
                "regime");
        List<Map<String, Object>> byScore = group(decisions, AnalystPerformanceQuery::bucket, "bucket");
        List<Map<String, Object>> recent = new ArrayList<>();
        for (Decision d : decisions.stream().skip(offset).limit(limit).toList()) {
            recent.add(Shape.of("timestamp", d.at().toString(), "stock_name", d.name(), "stock_code", d.code(),
                    "decision", d.decision(), "hunter_score", d.score(), "market_regime", d.regime(),
                    "return_1d", pct(d.r1()), "return_5d", pct(d.r5()), "return_20d", pct(d.r20()),
                    "tags", tagsOf(d.reason()), "score_history", scoreHistory(d.code())));
        }
        return Shape.of("overall", overall, "by_regime", byRegime, "by_score", byScore, "recent_decisions", recent,
                "total_count", decisions.size(), "limit", limit, "offset", offset);
    }

    private List<Map<String, Object>> group(List<Decision> decisions, Function<Decision, String> key, String name) {
        Map<String, List<Decision>> groups = new LinkedHashMap<>();
        for (Decision d : decisions) {
            String k = key.apply(d);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((k, list) -> {
            List<Decision> with5 = list.stream().filter(d -> d.r5() != null).toList();
            out.add(Shape.of(name, k, "count", list.size(), "win_rate", winRate(with5), "avg_return", avg(with5)));
        });
        return out;
    }

    static String bucket(Decision d) {
        if (d.score() == null || d.score() <= 0) {
            return null;
        }
        double s = d.score();
        return s <= 40 ? "F (0-40)" : s <= 60 ? "C/D (40-60)" : s <= 80 ? "B/A (60-80)" : "S (80-100)";
    }

    private static Double ret(List<Double> closes, int n, int sign) {
        if (closes.size() <= n || closes.get(0) == null || closes.get(0) == 0 || closes.get(n) == null) {
            return null;
        }
        return sign * (closes.get(n) - closes.get(0)) / closes.get(0);
    }

    private static double winRate(List<Decision> ds) {
        return ds.isEmpty() ? 0.0 : Money.round2(ds.stream().filter(d -> d.r5() > 0).count() * 100.0 / ds.size());
    }

    private static double avg(List<Decision> ds) {
        return ds.isEmpty() ? 0.0 : Money.round2(ds.stream().mapToDouble(Decision::r5).average().orElse(0) * 100.0);
    }

    private static Double pct(Double r) {
        return r == null ? null : Money.round2(r * 100.0);
    }

    static List<String> tagsOf(String reason) {
        List<String> tags = new ArrayList<>();
        if (reason == null) {
            return tags;
        }
        for (Map.Entry<String, String> e : TAGS.entrySet()) {
            if (tags.size() < 3 && reason.contains(e.getKey())) {
                tags.add(e.getValue());
            }
        }
        return tags;
    }

    private List<Double> scoreHistory(String code) {
        List<Double> scores = new ArrayList<>(jdbc.sql("SELECT HUNTER_SCORE FROM LLM_DECISION_LEDGER WHERE STOCK_CODE "
                + "= ? AND HUNTER_SCORE IS NOT NULL ORDER BY `TIMESTAMP` DESC, LOG_ID DESC LIMIT 5").param(code)
                .query(Double.class).list());
        java.util.Collections.reverse(scores);
        return scores;
    }

    private static Map<String, String> tags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("저평가", "Undervalued");
        m.put("실적", "Earnings");
        m.put("모멘텀", "Momentum");
        m.put("수급", "Market Flow");
        m.put("기술적", "Technical");
        m.put("반등", "Rebound");
        m.put("성장", "Growth");
        m.put("배당", "Dividend");
        m.put("리스크", "Risk");
        m.put("고평가", "Overvalued");
        return m;
    }

}
