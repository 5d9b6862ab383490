package com.primejennie.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.primejennie.dashboard.support.Api;
import com.primejennie.dashboard.support.DashboardTestBase;

import tools.jackson.databind.JsonNode;

/**
 * On an empty database and Redis every read endpoint answers 200 with the complete shape the old pages read
 * (spec/llm-dashboard-infra.md §2.3): numbers are zeros, lists empty, objects present - never missing or null where
 * the spec shows a number.
 */
class EmptyDatabaseShapesTest extends DashboardTestBase {

    static Stream<Arguments> objectEndpoints() {
        return Stream.of(
                Arguments.of("/api/portfolio/summary", List.of("total_value=0", "total_invested=0", "total_profit=0",
                        "profit_rate=0", "cash_balance=0", "positions_count=0")),
                Arguments.of("/api/performance/summary", List.of("period=month", "net_profit=0", "profit_rate=0",
                        "win_rate=0", "trade_count=0", "mdd=0")),
                Arguments.of("/api/scout/status", List.of("phase=0", "phase_name=대기", "status=idle", "progress=0",
                        "current_stock", "total_candidates=0", "passed_phase1=0", "passed_phase2=0",
                        "final_selected=0", "last_updated")),
                Arguments.of("/api/scout/results", List.of("results=[]")),
                Arguments.of("/api/news/sentiment", List.of("items=[]")),
                Arguments.of("/api/news/sentiment?stock_code=005930", List.of("stock_code=005930", "stock_name",
                        "sentiment_score", "reason=데이터 없음", "source_url", "updated_at")),
                Arguments.of("/api/briefing/latest", List.of("date", "content=아직 생성된 브리핑이 없습니다.",
                        "market_summary", "trades_summary", "generated_at")),
                Arguments.of("/api/analyst/performance", List.of("overall.win_rate_5d=0", "overall.avg_return_5d=0",
                        "overall.total_decisions=0", "by_regime=[]", "by_score=[]", "recent_decisions=[]",
                        "total_count=0", "limit=50", "offset=0")),
                Arguments.of("/api/council/daily-review", List.of("date", "sages", "consensus", "action_items=[]",
                        "generated_at", "message")),
                Arguments.of("/api/macro/dates", List.of("dates=[]")),
                Arguments.of("/api/macro/insight", List.of("insight_date", "message", "sentiment", "sentiment_score",
                        "position_size_pct=100", "stop_loss_adjust_pct=100", "political_risk_level=unknown")),
                Arguments.of("/api/llm/config", List.of("fast.tier=FAST", "fast.role", "fast.provider=ollama",
                        "fast.model_name=gemma3:27b", "fast.is_local=true", "reasoning.provider=openai",
                        "thinking.model_name=gpt-5.2")),
                Arguments.of("/api/llm/stats", List.of("fast.calls=0", "fast.tokens=0", "reasoning.calls=0",
                        "thinking.calls=0", "news_analysis.calls=0", "scout.tokens=0", "briefing.calls=0",
                        "macro_council.calls=0", "decisions_today.buy=0", "decisions_today.reject=0")),
                Arguments.of("/api/market/regime", List.of("regime=SIDEWAYS", "confidence=0",
                        "description=Waiting for Scout analysis...", "updated_at")),
                Arguments.of("/api/logic/status/005930", List.of("stock_code=005930", "snapshot", "buy_snapshot",
                        "signal_history=[]", "chart_data=[]", "timeframe=1d")),
                Arguments.of("/api/system/scheduler", List.of("jobs=[]", "count=0")),
                Arguments.of("/api/system/streams", List.of("streams", "count=6")),
                Arguments.of("/api/system/rabbitmq", List.of("queues", "count=6", "note")),
                Arguments.of("/api/system/halts", List.of("halts=[]", "halt_count=0", "reconciliation.clean=true",
                        "reconciliation.mismatches=[]", "mismatch_count=0")),
                Arguments.of("/api/system/realtime-monitor", List.of("status=offline", "message=No heartbeat data",
                        "metrics")),
                Arguments.of("/api/system/services", List.of("services", "count", "up")),
                Arguments.of("/api/system/docker", List.of("containers", "count")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectEndpoints")
    void answersCompleteObjectShapeOnEmptyDatabase(String path, List<String> expectations) {
        Api.Answer a = operator().get(path);
        assertThat(a.status()).as(path + " → " + a.text()).isEqualTo(200);
        for (String e : expectations) {
            String[] kv = e.split("=", 2);
            JsonNode node = at(a.json(), kv[0]);
            assertThat(node).as(path + " has " + kv[0] + " in " + a.text()).isNotNull();
            if (kv.length == 2) {
                if (kv[1].equals("[]")) {
                    assertThat(node.isArray() && node.isEmpty()).as(path + " " + kv[0] + " = []").isTrue();
                } else if (node.isNumber()) {
                    assertThat(node.asDouble()).as(path + " " + kv[0]).isEqualTo(Double.parseDouble(kv[1]));
                } else {
                    assertThat(node.asString()).as(path + " " + kv[0]).isEqualTo(kv[1]);
                }
            }
        }
    }

    static Stream<String> listEndpoints() {
        return Stream.of("/api/portfolio/positions", "/api/portfolio/history", "/api/trades", "/api/watchlist",
                "/api/system/status", "/api/settings/factors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listEndpoints")
    void answersEmptyListOnEmptyDatabase(String path) {
        Api.Answer a = operator().get(path);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().isArray()).as(a.text()).isTrue();
        if (!path.equals("/api/settings/factors")) {
            assertThat(a.json()).isEmpty();
        }
    }

    @Test
    void performanceHasEveryBlockWithZerosOnEmptyDatabase() {
        JsonNode p = operator().get("/api/performance?preset=all").json();
        for (String field : List.of("total_buy_amount", "total_sell_amount", "gross_profit", "fees", "taxes",
                "net_profit", "net_profit_rate")) {
            assertThat(p.path("realized").path(field).isNumber()).as("realized." + field).isTrue();
            assertThat(p.path("realized").path(field).asDouble()).isZero();
        }
        for (String field : List.of("total_value", "total_cost", "unrealized_profit", "unrealized_profit_rate")) {
            assertThat(p.path("unrealized").path(field).isNumber()).as("unrealized." + field).isTrue();
        }
        assertThat(p.path("stats").path("trade_count").path("buy").asInt()).isZero();
        assertThat(p.path("stats").path("trade_count").path("sell").asInt()).isZero();
        for (String field : List.of("win_count", "loss_count", "win_rate", "mdd")) {
            assertThat(p.path("stats").path(field).isNumber()).as("stats." + field).isTrue();
        }
        assertThat(p.path("stats").has("profit_factor")).isTrue();
        assertThat(p.path("cumulative_profit_curve").isArray()).isTrue();
        assertThat(p.path("by_stock").isArray()).isTrue();
        assertThat(p.path("period").has("start")).isTrue();
        assertThat(p.path("period").path("end").isString()).isTrue();
    }

    @Test
    void configListsTheRegistryWithAndWithoutTrailingSlash() {
        Api api = operator();
        Api.Answer noSlash = api.get("/api/config");
        Api.Answer slash = api.get("/api/config/");
        assertThat(noSlash.status()).isEqualTo(200);
        assertThat(slash.status()).isEqualTo(200);
        assertThat(noSlash.json()).isEqualTo(slash.json());
        JsonNode first = noSlash.json().get(0);
        for (String field : List.of("key", "value", "type", "category", "description", "source", "env_value",
                "db_value", "sensitive", "db_priority")) {
            assertThat(first.has(field)).as("config item has " + field).isTrue();
        }
    }

    @Test
    void tradingPathsAnswerAlsoWithTrailingSlash() {
        Api api = operator();
        for (String path : List.of("/api/trades/", "/api/watchlist/", "/api/portfolio/summary/",
                "/api/system/streams/")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void logServicesListsTheSuite() {
        JsonNode services = operator().get("/api/logs/services").json();
        assertThat(services.isArray()).isTrue();
        assertThat(services.toString()).contains("buy-scanner", "price-monitor", "dashboard-backend");
    }

    static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            if (node == null || !node.has(part)) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }
}
