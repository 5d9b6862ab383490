package com.primejennie.scoutjob.scout.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.scoutjob.scout.output.PipelineStatus;
import com.primejennie.scoutjob.scout.support.FakeAnalystServer;
import com.primejennie.scoutjob.scout.support.ScoutOnSim;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.llm.RedisUsageStore;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * The whole scout against real services: kis-sim (started here) for snapshots, the real Redis and MariaDB of the
 * harness (tables filled by the real data jobs against that kis-sim, news sentiment seeded; see {@link ScoutOnSim}),
 * and a fake OpenAI-compatible analyst
 * over real HTTP. A job message on {@code stream:jobs:scout} → a hot watchlist in exactly the scanner's format,
 * WATCHLIST rows, usage statistics, the run report; the LLM down → the documented fallback; two triggers at once →
 * one run; {@code POST /scout}. The app's market clock is fixed at Wednesday 2026-03-04 10:30 KST.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoutJobIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(240);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static FakeAnalystServer llm;
    static ScoutOnSim scout;
    static StringRedisTemplate redis;
    static JdbcClient jdbc;
    static MarketClock clock;
    static String firstVersion;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeAnalystServer();
        scout = ScoutOnSim.start(llm, Map.of("jennie.scout.universe-size", "12", "jennie.scout.volume-top-n", "4"));
        redis = scout.redis;
        jdbc = scout.jdbc;
        clock = scout.clock;
    }

    @AfterAll
    static void stop() throws IOException {
        if (scout != null) {
            scout.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    @Order(1)
    void aJobMessageOnTheStreamProducesTheHotWatchlistInTheScannersFormat() throws Exception {
        String runId = publish("scheduler");
        JobResult result = awaitResult(runId);
        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(JobResult.Status.SUCCEEDED);
        Map<String, Object> stats = result.stats();
        assertThat(((Number) stats.get("candidates_universe")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(((Number) stats.get("kis_calls")).intValue()).isEqualTo(stats.get("candidates_universe"));
        int llmCalls = ((Number) stats.get("llm_calls")).intValue();
        assertThat(llmCalls).isPositive();
        assertThat(((Number) stats.get("llm_tokens_in")).longValue())
                .isEqualTo((long) llmCalls * FakeAnalystServer.PROMPT_TOKENS);
        assertThat(((Number) stats.get("wall_ms")).longValue()).isPositive();
        assertThat(stats).containsKeys("candidates_after_filters", "candidates_quant_valid", "candidates_quant_passed",
                "candidates_after_smart_skip", "candidates_approved", "candidates_final", "llm_tokens_out");

        // the hot watchlist, read the way the buy-scanner reads it
        firstVersion = redis.opsForValue().get(HotWatchlist.ACTIVE_KEY);
        assertThat(firstVersion).startsWith("hot_watchlist:v");
        String json = redis.opsForValue().get(firstVersion);
        assertThat(redis.getExpire(firstVersion)).isBetween(1L, 86_400L);
        HotWatchlist list = WireJson.mapper().readValue(json, HotWatchlist.class);
        assertThat(list.stocks()).isNotEmpty();
        assertThat(list.marketRegime()).isIn("STRONG_BULL", "BULL", "SIDEWAYS", "BEAR", "STRONG_BEAR");
        for (int i = 0; i < list.stocks().size(); i++) {
            HotWatchlist.Stock s = list.stocks().get(i);
            assertThat(s.rank()).isEqualTo(i + 1);
            assertThat(s.code()).matches("\\d{6}");
            assertThat(s.tradeTier()).isIn("TIER1", "RECON", "BLOCKED");
            assertThat(s.hybridScore()).isEqualTo(s.llmScore()).isGreaterThanOrEqualTo(50);
            assertThat(s.strategies()).isEmpty();
            if (i > 0) {
                assertThat(s.llmScore()).isLessThanOrEqualTo(list.stocks().get(i - 1).llmScore());
            }
        }
        JsonNode raw = WireJson.mapper().readTree(json);
        assertThat(raw.propertyNames()).contains("generated_at", "market_regime", "score_threshold", "stocks");
        assertThat(raw.path("stocks").get(0).propertyNames()).contains("code", "name", "llm_score", "rank",
                "is_tradable", "strategies", "trade_tier", "hybrid_score");

        // WATCHLIST and WATCHLIST_HISTORY
        List<Map<String, Object>> rows = jdbc.sql("SELECT STOCK_CODE, LLM_SCORE, LLM_REASON, TRADE_TIER FROM WATCHLIST")
                .query().listOfRows();
        assertThat(rows).hasSize(list.stocks().size());
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get("LLM_REASON")).contains("[LLM_METADATA]{"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM WATCHLIST_HISTORY WHERE SNAPSHOT_DATE = ?")
                .param(LocalDate.of(2026, 3, 4)).query(Long.class).single()).isEqualTo(list.stocks().size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM LLM_DECISION_LEDGER").query(Long.class).single())
                .isEqualTo(llmCalls);

        // usage statistics of the day (KST date of the app's clock)
        Map<Object, Object> usage = redis.opsForHash().entries(RedisUsageStore.key(LocalDate.of(2026, 3, 4), "scout"));
        assertThat(Long.parseLong((String) usage.get("calls"))).isGreaterThanOrEqualTo(llmCalls);
        assertThat(Long.parseLong((String) usage.get("tokens_in")))
                .isGreaterThanOrEqualTo((long) llmCalls * FakeAnalystServer.PROMPT_TOKENS);

        // the run report in the status hash, selected flags, regime, sector budget
        Map<Object, Object> status = redis.opsForHash().entries(PipelineStatus.STATUS_KEY);
        assertThat(status.get("status")).isEqualTo("completed");
        assertThat(status.get("final_selected")).isEqualTo(Integer.toString(list.stocks().size()));
        assertThat(status).containsKeys("report_wall_ms", "report_kis_calls", "report_llm_calls",
                "report_llm_tokens_in", "report_candidates_universe");
        JsonNode results = WireJson.mapper().readTree(redis.opsForValue().get(PipelineStatus.RESULTS_KEY));
        long selected = 0;
        for (JsonNode r : results) {
            selected += r.path("selected").asBoolean() ? 1 : 0;
        }
        assertThat(selected).isEqualTo(list.stocks().size());
        assertThat(redis.opsForValue().get("market:regime:data")).contains("\"regime\"");
        assertThat(redis.opsForValue().get("sector_budget:active")).contains("\"groups\"");
        assertThat(llm.sawNoNews.get()).as("prompts saying no news was available").isPositive();
    }

    @Test
    @Order(2)
    void withTheLlmDownNothingIsApprovedAndTheCurrentWatchlistIsKeptSayingSo() throws Exception {
        llm.down.set(true);
        try {
            long ledgerBefore = jdbc.sql("SELECT COUNT(*) FROM LLM_DECISION_LEDGER").query(Long.class).single();
            JobResult result = awaitResult(publish("scheduler"));
            assertThat(result.status()).isEqualTo(JobResult.Status.SUCCEEDED);
            int calls = ((Number) result.stats().get("llm_calls")).intValue();
            assertThat(calls).isPositive();
            assertThat(result.stats().get("llm_failures")).isEqualTo(calls);
            assertThat(result.stats().get("candidates_approved")).isEqualTo(0);
            assertThat(result.stats().get("watchlist")).isEqualTo("KEPT_PREVIOUS");
            assertThat(redis.opsForValue().get(HotWatchlist.ACTIVE_KEY)).isEqualTo(firstVersion);
            assertThat(redis.opsForHash().get(PipelineStatus.STATUS_KEY, "watchlist_kept")).isEqualTo("true");
            // every decision stored with its reason
            assertThat(jdbc.sql("SELECT COUNT(*) FROM LLM_DECISION_LEDGER WHERE GATE_RESULT = 'LLM_ERROR' "
                    + "AND FINAL_DECISION = 'HOLD'").query(Long.class).single()).isEqualTo(calls);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM LLM_DECISION_LEDGER").query(Long.class).single())
                    .isEqualTo(ledgerBefore + calls);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM SHADOW_RADAR_LOG WHERE TRIGGER_TYPE = 'LLM_ERROR' "
                    + "AND REJECTION_REASON LIKE 'LLM 분석 실패%'").query(Long.class).single()).isEqualTo(calls);
        } finally {
            llm.down.set(false);
        }
    }

    @Test
    @Order(3)
    void twoTriggersAtOnceMakeOneRun() throws Exception {
        String queuedAt = WireTime.format(clock.instant());
        String a = publish("scheduler", queuedAt);
        String b = publish("manual_http", queuedAt);
        JobResult first = awaitResult(a);
        JobResult second = awaitResult(b);
        List<JobResult.Status> statuses = List.of(first.status(), second.status());
        assertThat(statuses).containsExactlyInAnyOrder(JobResult.Status.SUCCEEDED, JobResult.Status.SKIPPED);
        JobResult skipped = first.status() == JobResult.Status.SKIPPED ? first : second;
        assertThat(skipped.message()).containsAnyOf("coalesced", "in progress");
    }

    @Test
    @Order(4)
    void postScoutQueuesARun() throws Exception {
        int port = scout.port();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/scout")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = WireJson.mapper().readTree(response.body());
        assertThat(body.path("status").asString()).isEqualTo("triggered");
        JobResult result = awaitResult(body.path("run_id").asString());
        assertThat(result.status()).isEqualTo(JobResult.Status.SUCCEEDED);
        assertThat(result.jobId()).isEqualTo("scout-job");
    }

    @Test
    @Order(5)
    void analystFeedbackTaskWritesTheRetrospectiveFromTheLedger() throws Exception {
        // twelve BUY decisions 10 KST days before the clock's today, on stocks with prices after that day
        List<String> codes = jdbc.sql("SELECT STOCK_CODE FROM STOCK_MASTER ORDER BY STOCK_CODE LIMIT 12")
                .query(String.class).list();
        for (String code : codes) {
            jdbc.sql("INSERT INTO LLM_DECISION_LEDGER (`TIMESTAMP`, STOCK_CODE, STOCK_NAME, HUNTER_SCORE, MARKET_REGIME, "
                            + "GATE_RESULT, FINAL_DECISION, FINAL_REASON) VALUES (?, ?, ?, ?, ?, 'PASS', 'BUY', 'x')")
                    .params(clock.nowUtcNaive().minusDays(10), code, code, 72.0, "BULL").update();
        }
        String runId = UUID.randomUUID().toString();
        redis.opsForStream().add(StreamRecords.newRecord().in(JobIds.SCOUT_STREAM).ofMap(Map.of("payload",
                WireJson.mapper().writeValueAsString(new JobMessage(JobIds.ANALYST_FEEDBACK, "real", runId,
                        "scheduler", Map.of(), 600, 0, null, WireTime.format(clock.instant()), false)))));
        JobResult result = awaitResult(runId);
        assertThat(result.status()).as(String.valueOf(result)).isEqualTo(JobResult.Status.SUCCEEDED);
        assertThat(((Number) result.stats().get("decisions")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(redis.opsForValue().get("analyst:feedback:summary")).contains("거래량 없는 돌파");
        assertThat(redis.opsForValue().get("analyst:feedback:updated_at")).startsWith("2026-03-04T");
    }

    // ------------------------------------------------------------------ helpers

    static String publish(String trigger) {
        return scout.publish(trigger);
    }

    static String publish(String trigger, String queuedAt) {
        return scout.publish(trigger, queuedAt);
    }

    static JobResult awaitResult(String runId) throws InterruptedException {
        return scout.awaitResult(runId, WAIT);
    }
}
