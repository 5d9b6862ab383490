package com.primejennie.buyscanner.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.buyscanner.gates.RiskGateChain;
import com.primejennie.buyscanner.signal.DetectedSignal;
import com.primejennie.buyscanner.signal.SnapshotWriter;
import com.primejennie.buyscanner.strategies.StrategyBook;
import com.primejennie.buyscanner.testing.Scenario;
import com.primejennie.buyscanner.testing.Scenario.Bars;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

class StockEvaluatorTest {

    private final Map<String, String> snapshots = new HashMap<>();

    private StockEvaluator evaluator(Set<String> redisKeys) {
        return new StockEvaluator(RiskGateChain.standard(redisKeys::contains), new StrategyBook((c, s, e) -> { }),
                new SnapshotWriter(snapshots::put), Scenario.of().settings(),
                ScannerProperties.defaults().thresholds(), Optional::empty);
    }

    /** A fresh BULL conviction stock with only 5 bars: the bar-count gate fails, conviction may still run. */
    private static Scenario convictionWithFewBars() {
        return Scenario.of().regime("BULL").llm(80.0).hybrid(80.0).at("09:40:00").bars(Bars.flat(5, 10_000, 100))
                .tick(10_050).vwap(10_020).entry(new EntryInfo(Scenario.DAY, 10_000.0, 0));
    }

    @Test
    void convictionEntrySkipsOnlyTheBarCountRegimeAndVolumeGates_upstreamDecision() {
        Evaluation evaluation = evaluator(Set.of()).evaluate(convictionWithFewBars().context());
        assertThat(evaluation.failedGate()).isEqualTo("Min Bars");
        assertThat(evaluation.signal()).get().extracting(DetectedSignal::signalType)
                .isEqualTo("WATCHLIST_CONVICTION_ENTRY");
    }

    @Test
    void convictionEntryRunsAfterTheGatesThatProtectMoney_upstreamDecision() {
        assertThat(evaluator(Set.of("stoploss_cooldown:005930")).evaluate(convictionWithFewBars().context())
                .signal()).isEmpty();
        assertThat(evaluator(Set.of("buy_signal_cooldown:005930")).evaluate(convictionWithFewBars().context())
                .signal()).isEmpty();
        // 09:15:00 is inside both the no-trade window [09:00, 09:15] and the conviction window [09:15, 10:30]:
        // the money gate wins
        assertThat(evaluator(Set.of()).evaluate(convictionWithFewBars().at("09:15:00").context()).signal()).isEmpty();
        assertThat(evaluator(Set.of()).evaluate(convictionWithFewBars().at("09:15:01").context()).signal())
                .isPresent();
    }

    @Test
    void writesTheSnapshotWithEveryGateCheckAndTheTriggeredSignal() {
        evaluator(Set.of()).evaluate(convictionWithFewBars().context());
        JsonNode snapshot = WireJson.mapper().readTree(snapshots.get("buy_logic:snapshot:005930"));
        assertThat(snapshot.get("stock_code").asString()).isEqualTo("005930");
        assertThat(snapshot.get("trade_tier").asString()).isEqualTo("UNKNOWN");
        assertThat(snapshot.get("risk_gate").get("passed").asBoolean()).isFalse();
        assertThat(snapshot.get("risk_gate").get("checks")).extracting(c -> c.get("name").asString())
                .containsExactly("Min Bars", "No-Trade Window", "Danger Zone", "RSI Guard", "Macro Risk",
                        "Regime Gate", "Volume Gate", "VWAP Gate", "Combined Risk", "SL Cooldown", "Cooldown",
                        "Micro-Timing", "Min LLM Score");
        assertThat(snapshot.get("signal_checks").get(0).get("strategy").asString())
                .isEqualTo("WATCHLIST_CONVICTION_ENTRY");
        assertThat(snapshot.get("triggered_signal").asString()).isEqualTo("WATCHLIST_CONVICTION_ENTRY");
        for (String field : new String[] {"timestamp", "stock_name", "current_price", "vwap", "volume_ratio", "rsi",
                "market_regime", "llm_score"}) {
            assertThat(snapshot.has(field)).as(field).isTrue();
        }
    }

    @Test
    void bearMarketsNeverReachTheOtherStrategies() {
        double[] closes = new double[30];
        for (int i = 0; i < 30; i++) {
            closes[i] = 10_000 + 10 * i + (i % 2 == 0 ? 0 : -25);
        }
        var s = Scenario.of().regime("BEAR").llm(50.0).bars(Bars.closes(100, closes));
        assertThat(evaluator(Set.of()).evaluate(s.context()).signal()).isEmpty();
        assertThat(evaluator(Set.of()).evaluate(s.regime("SIDEWAYS").context()).signal()).isPresent();
    }
}
