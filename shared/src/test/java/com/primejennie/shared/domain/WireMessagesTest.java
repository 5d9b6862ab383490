package com.primejennie.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every message of spec/ read from the spec's own example and written back: the JSON tree is the same (numbers
 * compared by value, since Python writes {@code 100} where Java writes {@code 100.0}), and Korean stays unescaped.
 */
class WireMessagesTest {

    /** spec/buy-path.md §1.3, verbatim. */
    static final String SCANNER_BUY = """
            {"candidates":[{"code":"005930","name":"삼성전자","stock_code":"005930","stock_name":"삼성전자",
              "buy_signal_type":"MOMENTUM","key_metrics_dict":{"signal":"MOMENTUM","reason":"Momentum=1.8% >= 1.5%","source":"realtime_websocket"},
              "current_price":71200.0,"llm_score":72.5,"is_tradable":true,"trade_tier":null,"is_super_prime":false,"factor_score":500.0,
              "risk_setting":{"position_size_ratio":1.0,"stop_loss_multiplier":1.0,"risk_off_level":0,"vix_regime":"normal","stop_loss_pct":-0.05,"macro_source":"daily_insight"}}],
             "market_regime":"BULL","scan_timestamp":"2026-02-11T01:23:00.412345+00:00","source":"buy_scanner_websocket",
             "risk_setting":{"position_size_ratio":1.0,"stop_loss_multiplier":1.0,"risk_off_level":0,"vix_regime":"normal","stop_loss_pct":-0.05,"macro_source":"daily_insight"}}
            """;

    /** spec/control-and-intelligence.md §1.5 /buy, placeholders filled in. */
    static final String MANUAL_BUY = """
            {"source":"telegram-manual","market_regime":"MANUAL",
             "strategy_preset":{"name":"MANUAL_TELEGRAM","params":{}},
             "risk_setting":{"position_size_ratio":1.0},
             "manual_quantity":10,"dry_run":true,"user":"jennie",
             "requested_at":"2026-02-11T10:15:00.123456",
             "candidates":[{"stock_code":"000660","stock_name":"SK하이닉스","current_price":181000.0,
                "llm_score":100,"llm_reason":"[Telegram 수동매수] 사용자 입력",
                "buy_signal_type":"MANUAL_TELEGRAM","factor_score":100,"manual_quantity":10}]}
            """;

    /** spec/buy-path.md §1.3: the other optional fields a producer may send. */
    static final String TIER2_BUY = """
            {"candidates":[{"stock_code":"035420","stock_name":"NAVER","buy_signal_type":"RECON","current_price":201500.0,
              "llm_score":66.0,"is_tradable":false,"trade_tier":"TIER2","stock_info":{"llm_scored_at":"2026-02-09T00:10:00Z"},
              "key_metrics_dict":{"signal":"RECON","reason":"정찰","tier2_met_count":2,
                "tier2_conditions_met":["rsi","volume"],"tier2_conditions_failed":["vwap"]}}],
             "market_regime":"SIDEWAYS","source":"other","manual_quantity":3,"llm_reason":"이유","llm_scored_at":"2026-02-10T00:00:00+00:00"}
            """;

    /** spec/sell-path-and-broker.md §1.7, verbatim. */
    static final String MONITOR_SELL = """
            {"stock_code":"005930","stock_name":"삼성전자","quantity":250,"current_price":73500.0,
             "sell_reason":"Scale-out L1: +5.0% (목표 +3.0%) [SIDEWAYS]","holding_id":"005930",
             "signal_issued_at":"2026-02-12T01:15:30.123456+00:00"}
            """;

    /** spec/control-and-intelligence.md §1.5 /sell, placeholders filled in. */
    static final String MANUAL_SELL = """
            {"source":"telegram-manual","stock_code":"005930","stock_name":"삼성전자","quantity":5,
             "sell_reason":"MANUAL_SELL","requested_by":"jennie","requested_at":"2026-02-12T10:20:00.000001","dry_run":false}
            """;

    /** spec/control-and-intelligence.md §3.1 POST /scout. */
    static final String SCOUT_HTTP = """
            {"job_id":"scout-job","scope":"real","run_id":"6f1c8a52-8d7e-4b8e-9a55-0f0e4f3f2c11","trigger_source":"manual_http",
             "params":{},"timeout_sec":3600,"retry_limit":1,"queued_at":"2026-02-11T23:30:00.000123+00:00"}
            """;

    /** spec/control-and-intelligence.md §2.4, the scheduler's envelope. */
    static final String SCOUT_SCHEDULER = """
            {"job_id":"price-monitor-pulse","scope":"mock","run_id":"0b4c3c9e-3a40-4b8a-8f59-c0a1d8f0e7aa",
             "trigger_source":"scheduler","params":{"action":"pulse","depth":2.5},"timeout_sec":60,"retry_limit":3,
             "telemetry_label":"펄스","queued_at":"2026-02-11T09:05:00+09:00","auto_reschedule":false}
            """;

    /** spec/control-and-intelligence.md §3.8.3, with a second stock. */
    static final String HOT_WATCHLIST = """
            {"generated_at":"2026-02-11T00:30:00.123456+00:00","market_regime":"BULL","score_threshold":0,
             "stocks":[{"code":"005930","name":"삼성전자","llm_score":78.4,"rank":1,"is_tradable":true,"strategies":[]},
                       {"code":"000660","name":"SK하이닉스","llm_score":61.0,"rank":2,"is_tradable":true,"strategies":[],
                        "market_flow":{"foreign":1200,"기관":-30}}]}
            """;

    /** spec/control-and-intelligence.md §1.4. */
    static final String PAUSE_FLAG = """
            {"value":true,"reason":"사용자 요청","set_at":"2026-02-11T01:00:00.5+00:00"}
            """;

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("scanner buy signal", SCANNER_BUY, BuySignal.class),
                Arguments.of("manual Telegram buy", MANUAL_BUY, BuySignal.class),
                Arguments.of("buy with TIER2 and stock_info fields", TIER2_BUY, BuySignal.class),
                Arguments.of("price-monitor sell order", MONITOR_SELL, SellOrder.class),
                Arguments.of("manual Telegram sell", MANUAL_SELL, SellOrder.class),
                Arguments.of("scout job from POST /scout", SCOUT_HTTP, JobMessage.class),
                Arguments.of("scout job from the scheduler", SCOUT_SCHEDULER, JobMessage.class),
                Arguments.of("hot watchlist", HOT_WATCHLIST, HotWatchlist.class),
                Arguments.of("trading flag", PAUSE_FLAG, TradingFlag.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void specExampleRoundTripsToTheSameJsonTree(String name, String json, Class<?> type) {
        Object message = WireJson.mapper().readValue(json, type);
        String written = WireJson.mapper().writeValueAsString(message);

        JsonNode expected = WireJson.mapper().readTree(json);
        JsonNode actual = WireJson.mapper().readTree(written);
        if (type == BuySignal.class) {
            // trade_tier is always written (null when unknown), as the scanner does; other producers omit it.
            expected.get("candidates").forEach(c -> {
                if (!c.has("trade_tier")) {
                    ((ObjectNode) c).putNull("trade_tier");
                }
            });
        }
        assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
                .as("%s%n  spec:    %s%n  written: %s", name, expected, actual).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void koreanIsWrittenUnescaped(String name, String json, Class<?> type) {
        String written = WireJson.mapper().writeValueAsString(WireJson.mapper().readValue(json, type));
        assertThat(written).doesNotContain("\\u");
        if (json.chars().anyMatch(ch -> ch > 0x7f)) {
            assertThat(written.chars().anyMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3)).as(written).isTrue();
        }
    }

    /** Equal JSON, except that numbers compare by value (1 == 1.0). */
    static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };
}
