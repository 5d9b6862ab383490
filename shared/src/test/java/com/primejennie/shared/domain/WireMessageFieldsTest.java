package com.primejennie.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

/** The wire rules field by field: names, lenient numbers, unknown fields, escaped input, absent versus null. */
class WireMessageFieldsTest {

    private final JsonMapper json = WireJson.mapper();

    @Test
    void scannerSignalFieldsLandOnTheRightComponents() {
        BuySignal signal = json.readValue(WireMessagesTest.SCANNER_BUY, BuySignal.class);
        BuyCandidate c = signal.candidates().get(0);
        assertThat(c.effectiveCode()).isEqualTo("005930");
        assertThat(c.effectiveName()).isEqualTo("삼성전자");
        assertThat(c.isTradable()).isTrue();
        assertThat(c.isSuperPrime()).isFalse();
        assertThat(c.tradeTier()).isNull();
        assertThat(c.keyMetricsDict().reason()).isEqualTo("Momentum=1.8% >= 1.5%");
        assertThat(c.riskSetting().stopLossPct()).isEqualTo(-0.05);
        assertThat(c.riskSetting().riskOffLevel()).isZero();
        assertThat(signal.riskSetting()).isEqualTo(c.riskSetting());
        assertThat(signal.scanTimestamp()).isEqualTo("2026-02-11T01:23:00.412345+00:00");
        assertThat(signal.isManual()).isFalse();
    }

    @Test
    void fromScannerBuildsTheSpecExample() {
        BuyCandidate candidate = new BuyCandidate("005930", "삼성전자", "005930", "삼성전자", "MOMENTUM",
                KeyMetrics.realtime("MOMENTUM", "Momentum=1.8% >= 1.5%"), 71200.0, 72.5, true, null, false, 500.0,
                RiskSetting.fromMacro(1.0, 1.0, 0, "normal"), null, null, null, null);
        BuySignal built = BuySignal.fromScanner(candidate, "BULL", "2026-02-11T01:23:00.412345+00:00");
        assertThat(json.readTree(json.writeValueAsString(built)))
                .isEqualTo(json.readTree(WireMessagesTest.SCANNER_BUY));
    }

    @Test
    void manualBuyKeepsItsOptionalFields() {
        BuySignal signal = json.readValue(WireMessagesTest.MANUAL_BUY, BuySignal.class);
        assertThat(signal.isManual()).isTrue();
        assertThat(signal.manualQuantity()).isEqualTo(10);
        assertThat(signal.dryRun()).isTrue();
        assertThat(signal.strategyPreset()).isEqualTo(new StrategyPreset("MANUAL_TELEGRAM", Map.of()));
        BuyCandidate c = signal.candidates().get(0);
        assertThat(c.effectiveCode()).isEqualTo("000660");
        assertThat(c.llmScore()).isEqualTo(100.0);
        assertThat(c.manualQuantity()).isEqualTo(10);
    }

    @Test
    void llmScoredAtPrefersTheNestedStockInfo() {
        BuySignal signal = json.readValue(WireMessagesTest.TIER2_BUY, BuySignal.class);
        BuyCandidate c = signal.candidates().get(0);
        assertThat(c.effectiveLlmScoredAt()).isEqualTo("2026-02-09T00:10:00Z");
        assertThat(c.keyMetricsDict().tier2MetCount()).isEqualTo(2);
        assertThat(c.keyMetricsDict().tier2ConditionsMet().get(1).asString()).isEqualTo("volume");
        assertThat(c.effectiveName()).isEqualTo("NAVER");
    }

    @Test
    void nameFallsBackToTheCode() {
        BuyCandidate c = json.readValue("{\"code\":\"005930\"}", BuyCandidate.class);
        assertThat(c.effectiveCode()).isEqualTo("005930");
        assertThat(c.effectiveName()).isEqualTo("005930");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "int price, float level   | {\"current_price\":71200,\"risk_setting\":{\"risk_off_level\":2.0}}",
            "float price, int level   | {\"current_price\":71200.0,\"risk_setting\":{\"risk_off_level\":2}}"})
    void numbersAreAcceptedAsIntOrFloat(String name, String candidate) {
        BuyCandidate c = json.readValue(candidate, BuyCandidate.class);
        assertThat(c.currentPrice()).isEqualTo(71200.0);
        assertThat(c.riskSetting().riskOffLevel()).isEqualTo(2);
    }

    @Test
    void sellQuantityAndNewsDateAcceptFloats() {
        assertThat(json.readValue("{\"quantity\":250.0}", SellOrder.class).quantity()).isEqualTo(250);
        assertThat(json.readValue("{\"created_at_utc\":1.7707e9}", NewsMessage.Metadata.class).createdAtUtc())
                .isEqualTo(1_770_700_000L);
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        String withExtras = """
                {"candidates":[{"stock_code":"005930","future_field":{"x":1},
                  "risk_setting":{"position_size_ratio":0.5,"new_knob":true}}],
                 "source":"buy_scanner_websocket","added_later":[1,2,3]}
                """;
        BuySignal signal = json.readValue(withExtras, BuySignal.class);
        assertThat(signal.candidates().get(0).riskSetting().positionSizeRatio()).isEqualTo(0.5);
        assertThat(json.writeValueAsString(signal)).doesNotContain("future_field", "new_knob", "added_later");
    }

    @Test
    void koreanEscapedByPythonsEnsureAsciiIsReadAndWrittenPlain() {
        String escaped = "{\"stock_code\":\"005930\",\"stock_name\":\"\\uc0bc\\uc131\\uc804\\uc790\",\"quantity\":1}";
        SellOrder order = json.readValue(escaped, SellOrder.class);
        assertThat(order.stockName()).isEqualTo("삼성전자");
        assertThat(json.writeValueAsString(order)).contains("\"stock_name\":\"삼성전자\"");
    }

    @Test
    void pythonNanIsReadRatherThanRejected() {
        assertThat(json.readValue("{\"llm_score\":NaN}", BuyCandidate.class).llmScore()).isNaN();
    }

    @Test
    void manualSellsAreRecognisedByTheirReason() {
        assertThat(json.readValue(WireMessagesTest.MANUAL_SELL, SellOrder.class).isManual()).isTrue();
        SellOrder monitor = json.readValue(WireMessagesTest.MONITOR_SELL, SellOrder.class);
        assertThat(monitor.isManual()).isFalse();
        assertThat(monitor).isEqualTo(SellOrder.fromMonitor("005930", "삼성전자", 250, 73500.0,
                "Scale-out L1: +5.0% (목표 +3.0%) [SIDEWAYS]", "2026-02-12T01:15:30.123456+00:00"));
    }

    @Test
    void scoutJobFromPostScoutMatchesTheSpec() {
        JobMessage job = JobMessage.manualHttp("scout-job", "real", "6f1c8a52-8d7e-4b8e-9a55-0f0e4f3f2c11",
                "2026-02-11T23:30:00.000123+00:00");
        assertThat(json.readTree(json.writeValueAsString(job))).isEqualTo(json.readTree(WireMessagesTest.SCOUT_HTTP));
        assertThat(job.isAnalystFeedback()).isFalse();
        assertThat(json.readValue("{\"job_id\":\"analyst-feedback-update\"}", JobMessage.class).isAnalystFeedback())
                .isTrue();
    }

    @Test
    void newsEntryRoundTripsThroughStreamFieldsKeepingExplicitNulls() {
        Map<String, String> fields = Map.of(
                "page_content", "[시장뉴스] 코스피 반등 | 출처: Hankyung (Finance) | 날짜: 2026-02-11",
                "metadata", "{\"stock_code\":null,\"stock_name\":null,\"source\":\"Hankyung (Finance)\","
                        + "\"source_url\":\"https://example.kr/a\",\"created_at_utc\":1770768000,\"extra\":1}",
                "published_at", "2026-02-11T00:00:00+00:00");
        NewsMessage news = NewsMessage.fromStreamFields(fields);
        assertThat(news.metadata().stockCode()).isNull();
        assertThat(news.metadata().createdAtUtc()).isEqualTo(1_770_768_000L);
        Map<String, String> written = news.toStreamFields();
        assertThat(written.get("page_content")).isEqualTo(fields.get("page_content"));
        assertThat(written.get("published_at")).isEqualTo(fields.get("published_at"));
        assertThat(json.readTree(written.get("metadata"))).isEqualTo(json.readTree(
                "{\"stock_code\":null,\"stock_name\":null,\"source\":\"Hankyung (Finance)\","
                        + "\"source_url\":\"https://example.kr/a\",\"created_at_utc\":1770768000}"));
    }

    @Test
    void malformedNewsEntryNamesTheBadMetadata() {
        assertThatThrownBy(() -> NewsMessage.fromStreamFields(Map.of("page_content", "x", "metadata", "{oops")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{oops");
        assertThatThrownBy(() -> NewsMessage.fromStreamFields(Map.of("metadata", "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_content");
    }

    @Test
    void hotWatchlistVersionKeyIsUnixSeconds() {
        assertThat(HotWatchlist.versionKey(Instant.parse("2026-02-11T00:30:00.999Z")))
                .isEqualTo("hot_watchlist:v1770769800");
        HotWatchlist list = new HotWatchlist("2026-02-11T00:30:00+00:00", "UNKNOWN", 0.0,
                List.of(HotWatchlist.Stock.scouted("005930", "삼성전자", 78.4, 1, true, "TIER1", 78.4)));
        assertThat(json.writeValueAsString(list)).isEqualTo("{\"generated_at\":\"2026-02-11T00:30:00+00:00\","
                + "\"market_regime\":\"UNKNOWN\",\"score_threshold\":0.0,\"stocks\":[{\"code\":\"005930\","
                + "\"name\":\"삼성전자\",\"llm_score\":78.4,\"rank\":1,\"is_tradable\":true,\"strategies\":[],"
                + "\"trade_tier\":\"TIER1\",\"hybrid_score\":78.4}]}");
    }

    @Test
    void watchlistStrategiesAreTheSpecsIdAndParamsObjects() {
        HotWatchlist list = json.readValue("{\"stocks\":[{\"code\":\"005930\",\"llm_score\":71.0,"
                + "\"strategies\":[{\"id\":\"MOMENTUM\",\"params\":{\"threshold\":1.5}},{\"id\":\"DIP_BUY\"}]}]}",
                HotWatchlist.class);
        HotWatchlist.Stock stock = list.stocks().get(0);
        assertThat(stock.strategies()).extracting(HotWatchlist.StrategyRef::id).containsExactly("MOMENTUM", "DIP_BUY");
        assertThat(stock.strategies().get(0).params()).containsEntry("threshold", 1.5);
        assertThat(stock.strategies().get(1).params()).isEmpty();
        assertThat(stock.hybridScoreOrLlmScore()).as("a Python writer without hybrid_score").isEqualTo(71.0);
        assertThat(stock.tradeTier()).isNull();
    }

    @Test
    void aMissingFlagReadsAsNotSet() {
        assertThat(TradingFlag.parse(null)).isEqualTo(new TradingFlag(false, "", null));
        assertThat(TradingFlag.parse(null).isSet()).isFalse();
    }

    @Test
    void flagIsWrittenWithItsThreeFields() {
        TradingFlag flag = TradingFlag.set(true, "긴급 중지", "2026-02-11T01:00:00+00:00");
        assertThat(flag.toJson()).isEqualTo("{\"value\":true,\"reason\":\"긴급 중지\",\"set_at\":\"2026-02-11T01:00:00+00:00\"}");
        assertThat(TradingFlag.parse(flag.toJson())).isEqualTo(flag);
        assertThat(TradingFlag.parse(flag.toJson()).isSet()).isTrue();
    }

    @Test
    void quirkFixPlainTrueWrittenByDeploySafetyStillPauses() {
        assertThat(TradingFlag.parse("true").value()).isTrue();
        assertThat(TradingFlag.parse("false").value()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yes", "{\"reason\":\"no value\"}", "[true]"})
    void anythingElseInAFlagKeyFailsNamingTheValue(String stored) {
        assertThatThrownBy(() -> TradingFlag.parse(stored))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(stored);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-02-11T01:23:00.412345Z, 2026-02-11T01:23:00.412345+00:00",
            "2026-02-11T01:23:00.412345999Z, 2026-02-11T01:23:00.412345+00:00",
            "2026-02-11T01:23:00.000001Z, 2026-02-11T01:23:00.000001+00:00",
            "2026-02-11T01:23:00Z, 2026-02-11T01:23:00+00:00",
            "2026-02-11T01:23:00.000000500Z, 2026-02-11T01:23:00+00:00"})
    void timestampsAreWrittenAsPythonIsoformat(String instant, String python) {
        assertThat(WireTime.format(Instant.parse(instant))).isEqualTo(python);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-02-11T01:23:00.412345+00:00, 2026-02-11T01:23:00.412345Z",
            "2026-02-11T10:23:00+09:00, 2026-02-11T01:23:00Z",
            "2026-02-11T01:23:00Z, 2026-02-11T01:23:00Z",
            "2026-02-11T10:23:00.5, 2026-02-11T01:23:00.5Z"})
    void timestampsAreReadWithOrWithoutOffset(String text, String instant) {
        assertThat(WireTime.parse(text, ZoneId.of("Asia/Seoul"))).isEqualTo(Instant.parse(instant));
    }

    @Test
    void malformedTimestampNamesTheText() {
        assertThatThrownBy(() -> WireTime.parse("11/02/2026", ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11/02/2026");
    }

    @Test
    void jobIdsMapToTheStreamTheirConsumerReallyReads() {
        assertThat(JobIds.streamOf("scout-job")).contains("stream:jobs:scout");
        assertThat(JobIds.streamOf("analyst-feedback-update")).contains("stream:jobs:scout");
        assertThat(JobIds.streamOf(JobIds.DATA_DAILY_PRICES)).contains("stream:jobs:data");
        assertThat(JobIds.streamOf("no-such-job")).isEmpty();
    }

    @Test
    void jobResultAndSectorBudgetRoundTripInSnakeCase() {
        JobResult result = new JobResult("scout-job", "r1", "real", JobResult.Status.SUCCEEDED, 1,
                "2026-02-11T00:30:00Z", "2026-02-11T00:41:00Z", 660_000L, "ok", null, Map.of("llm_calls", 42), "scout-job");
        String text = json.writeValueAsString(result);
        assertThat(text).contains("\"job_id\":\"scout-job\"", "\"duration_ms\":660000", "\"status\":\"SUCCEEDED\"");
        assertThat(json.readValue(text, JobResult.class)).isEqualTo(result);
        assertThatThrownBy(() -> new JobResult("x", null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("status");

        SectorBudget budget = json.readValue("{\"generated_at\":\"2026-02-11T00:30:00Z\",\"groups\":{\"반도체\":"
                + "{\"tier\":\"HOT\",\"watchlist_cap\":5,\"portfolio_cap\":5}}}", SectorBudget.class);
        assertThat(budget.groups().get("반도체").portfolioCap()).isEqualTo(5);
        assertThat(budget.groups().get("반도체").tier()).isEqualTo(SectorBudget.Tier.HOT);
    }
}
