package com.primejennie.scoutjob.scout.feedback;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.llm.ChatMessage;
import com.primejennie.shared.llm.LlmClient;
import com.primejennie.shared.llm.LlmOptions;
import com.primejennie.shared.llm.LlmTier;
import com.primejennie.shared.market.MarketClock;

/**
 * The analyst feedback task, job id {@code analyst-feedback-update} (spec §3.11): BUY/SELL decisions of the last 20
 * days from {@code LLM_DECISION_LEDGER}, their returns after 1, 5 and 20 sessions ({@code STOCK_DAILY_PRICES_3Y}, sign
 * flipped for SELL), statistics by regime and hunter-score bucket, a THINKING-tier retrospective, saved to
 * {@code analyst:feedback:summary} and {@code analyst:feedback:updated_at}. Skipped with fewer than 10 decisions.
 * Deliberate changes: one decision per stock and KST day (the hourly scout wrote the same decision many times, which
 * the Python task counted again and again), and the suite's one Redis ({@code REDIS_URL}), not {@code REDIS_HOST}.
 */
public final class AnalystFeedbackTask implements JobHandler {

    public static final String SUMMARY_KEY = "analyst:feedback:summary";
    public static final String UPDATED_AT_KEY = "analyst:feedback:updated_at";
    public static final int MIN_DECISIONS = 10;

    private final JdbcClient jdbc;
    private final LlmClient llm;
    private final StringRedisTemplate redis;
    private final MarketClock clock;

    public AnalystFeedbackTask(JdbcClient jdbc, LlmClient llm, StringRedisTemplate redis, MarketClock clock) {
        this.jdbc = jdbc;
        this.llm = llm;
        this.redis = redis;
        this.clock = clock;
    }

    /** One evaluated decision. */
    public record Evaluated(String code, String name, LocalDate date, String decision, Double hunterScore,
                            String regime, Double return1d, Double return5d, Double return20d) {
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDateTime since = clock.nowUtcNaive().minusDays(20);
        List<Map<String, Object>> rows = jdbc.sql("SELECT `TIMESTAMP`, STOCK_CODE, STOCK_NAME, HUNTER_SCORE, "
                        + "MARKET_REGIME, FINAL_DECISION FROM LLM_DECISION_LEDGER WHERE FINAL_DECISION IN ('BUY','SELL') "
                        + "AND `TIMESTAMP` >= ? ORDER BY `TIMESTAMP`")
                .param(since).query().listOfRows();
        List<Evaluated> evaluated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> row : rows) {
            Object stamp = row.get("TIMESTAMP");
            LocalDateTime ts = stamp instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) stamp;
            LocalDate date = ts.atOffset(ZoneOffset.UTC).atZoneSameInstant(MarketClock.KST).toLocalDate();
            String code = (String) row.get("STOCK_CODE");
            if (!seen.add(code + "|" + date)) {
                continue;
            }
            List<Double> closes = jdbc.sql("SELECT CLOSE_PRICE FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? "
                    + "AND PRICE_DATE >= ? ORDER BY PRICE_DATE LIMIT 21").params(code, date).query(Double.class).list();
            double sign = "SELL".equals(row.get("FINAL_DECISION")) ? -1 : 1;
            evaluated.add(new Evaluated(code, (String) row.get("STOCK_NAME"), date, (String) row.get("FINAL_DECISION"),
                    row.get("HUNTER_SCORE") instanceof Number n ? n.doubleValue() : null,
                    (String) row.get("MARKET_REGIME"), ret(closes, 1, sign), ret(closes, 5, sign),
                    ret(closes, 20, sign)));
        }
        if (evaluated.size() < MIN_DECISIONS) {
            return JobOutcome.skipped("only " + evaluated.size() + " distinct decisions in 20 days (needs "
                    + MIN_DECISIONS + ")");
        }
        String report = report(evaluated);
        String guidance = llm.chat(LlmTier.THINKING, List.of(ChatMessage.system(
                        "당신은 전략 회고 책임자입니다. 아래 성과 보고서를 보고 종목 분석가가 지켜야 할 구체적이고 엄격한 지침 3~5개를 "
                                + "작성하세요 (실패 패턴과 성공 요인)."), ChatMessage.user(report)),
                LlmOptions.forService("scout").withTemperature(0.2));
        redis.opsForValue().set(SUMMARY_KEY, guidance);
        redis.opsForValue().set(UPDATED_AT_KEY, WireTime.format(clock.instant()));
        return JobOutcome.done("analyst feedback from " + evaluated.size() + " decisions",
                Map.of("decisions", evaluated.size()));
    }

    static Double ret(List<Double> closes, int row, double sign) {
        if (closes.size() <= row || closes.get(0) == null || closes.get(0) == 0) {
            return null;
        }
        return sign * (closes.get(row) / closes.get(0) - 1) * 100;
    }

    /** The hunter-score bucket: 0-40 F, 40-60 C/D, 60-80 B/A, 80-100 S. */
    static String bucket(Double score) {
        if (score == null) {
            return "?";
        }
        return score >= 80 ? "S" : score >= 60 ? "B/A" : score >= 40 ? "C/D" : "F";
    }

    /** The plain-text statistics the retrospective reads. */
    static String report(List<Evaluated> list) {
        StringBuilder out = new StringBuilder();
        out.append("최근 20일 판단 ").append(list.size()).append("건\n");
        out.append("전체: ").append(stats(list)).append('\n');
        Map<String, List<Evaluated>> byRegime = new LinkedHashMap<>();
        Map<String, List<Evaluated>> byBucket = new LinkedHashMap<>();
        for (Evaluated e : list) {
            byRegime.computeIfAbsent(String.valueOf(e.regime()), k -> new ArrayList<>()).add(e);
            byBucket.computeIfAbsent(bucket(e.hunterScore()), k -> new ArrayList<>()).add(e);
        }
        out.append("시장 국면별:\n");
        byRegime.forEach((k, v) -> out.append("- ").append(k).append(": ").append(stats(v)).append('\n'));
        out.append("점수 구간별:\n");
        byBucket.forEach((k, v) -> out.append("- ").append(k).append(": ").append(stats(v)).append('\n'));
        out.append("최근 10건:\n");
        for (Evaluated e : list.subList(Math.max(0, list.size() - 10), list.size())) {
            out.append(String.format(Locale.ROOT, "- %s %s(%s) %s 점수 %.0f, 5일 수익률 %s%n", e.date(), e.name(),
                    e.code(), e.decision(), e.hunterScore() == null ? 0 : e.hunterScore(),
                    e.return5d() == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", e.return5d())));
        }
        return out.toString();
    }

    private static String stats(List<Evaluated> list) {
        List<Double> r5 = list.stream().map(Evaluated::return5d).filter(r -> r != null).toList();
        if (r5.isEmpty()) {
            return list.size() + "건, 5일 수익률 없음";
        }
        long wins = r5.stream().filter(r -> r > 0).count();
        double avg = r5.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format(Locale.ROOT, "%d건, 승률 %.1f%%, 평균 5일 수익률 %.2f%%", list.size(),
                100.0 * wins / r5.size(), avg);
    }
}
