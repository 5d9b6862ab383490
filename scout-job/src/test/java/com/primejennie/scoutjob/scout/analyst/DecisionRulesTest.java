package com.primejennie.scoutjob.scout.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/** Recon, risk tags and veto (§6.10 fixed), the trade tier, and a failed analyst call (§6.11 fixed). */
class DecisionRulesTest {

    private final DecisionRules rules = new DecisionRules(new ReconSignals(1.5, 20), LlmFallback.REJECT);

    static QuantResult quant(double total, double momentum, double supply, Double rsi, Double drawdown,
                             String reversal, Double volumeRatio) {
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        Map<String, Object> tech = new LinkedHashMap<>();
        tech.put("rsi", rsi);
        tech.put("drawdown_from_high_pct", drawdown);
        tech.put("volume_ratio", volumeRatio);
        details.put(QuantResult.TECHNICAL, tech);
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("flow_reversal", reversal);
        details.put(QuantResult.SUPPLY_DEMAND, sd);
        return new QuantResult("005930", "삼성전자", "반도체", true, total, momentum, 10, 10, 5, 5, supply, "NONE", 1.0,
                details, 1.0, List.of());
    }

    @Test
    void approvesAndMakesTierOneAboveSeventyFive() {
        ScoutDecision d = rules.decide(quant(80, 10, 10, 50.0, -5.0, "NONE", 1.0), AnalystOutcome.ok(90, "S", "호재",
                100, 20), 0);
        // l = 90 (within 80 ± 15), h = 0.6·80 + 0.4·90 = 84
        assertThat(d.clampedScore()).isEqualTo(90);
        assertThat(d.hybridScore()).isEqualTo(84);
        assertThat(d.approved()).isTrue();
        assertThat(d.tradable()).isTrue();
        assertThat(d.tradeTier()).isEqualTo("TIER1");
        assertThat(d.grade()).isEqualTo("S");
    }

    @Test
    void distributionRiskVetoFiresReadingEachInputFromItsOwnSection() {
        // RSI 72 and drawdown −1 % under technical, SELL_TURN under supply_demand (where v2 stores it)
        ScoutDecision d = rules.decide(quant(80, 10, 5, 72.0, -1.0, "SELL_TURN", 1.0), AnalystOutcome.ok(90, "S",
                "호재", 100, 20), 0);
        assertThat(d.riskTag()).isEqualTo(RiskTag.DISTRIBUTION_RISK);
        assertThat(d.vetoApplied()).isTrue();
        assertThat(d.hybridScore()).isEqualTo(84);
        assertThat(d.approved()).isFalse();
        assertThat(d.tradable()).isFalse();
        assertThat(d.tradeTier()).isEqualTo("BLOCKED");
        assertThat(d.reason()).startsWith("[VETO DISTRIBUTION_RISK]");
    }

    @Test
    void flowReversalOnlyUnderTechnicalAsPythonLookedForItDoesNotCount() {
        QuantResult q = quant(80, 10, 5, 72.0, -1.0, "NONE", 1.0);
        q.details().get(QuantResult.TECHNICAL).put("flow_reversal", "SELL_TURN");
        assertThat(RiskTag.of(q)).isEqualTo(RiskTag.NEUTRAL);
    }

    @ParameterizedTest(name = "RSI {0}, drawdown {1}, {2}, supply {3}, momentum {4} → {5}")
    @CsvSource(value = {
            "72,-1,SELL_TURN,5,10,DISTRIBUTION_RISK",
            "72,-4,SELL_TURN,5,10,CAUTION",       // drawdown too deep for distribution; SELL_TURN with RSI > 65
            "76,-1,NONE,5,10,CAUTION",
            "66,-1,SELL_TURN,5,10,CAUTION",
            "60,-1,BUY_TURN,12,16,BULLISH",
            "null,-1,BUY_TURN,12,16,BULLISH",
            "70,-1,BUY_TURN,12,16,NEUTRAL",       // RSI must be below 70
            "60,-1,BUY_TURN,9,16,NEUTRAL",        // supply below 10
            "60,-1,BUY_TURN,12,14,NEUTRAL",       // momentum below 15
            "60,-1,NONE,12,16,NEUTRAL"}, nullValues = "null")
    void riskTagTable(Double rsi, Double drawdown, String reversal, double supply, double momentum, RiskTag tag) {
        assertThat(RiskTag.of(quant(60, momentum, supply, rsi, drawdown, reversal, 1.0))).isEqualTo(tag);
    }

    @Test
    void reconMakesAMidScoreWithASignalTradable() {
        // q 65, r 65 → h 65 (60 ≤ h < 75), volume ratio 1.6 ≥ 1.5 → recon
        ScoutDecision d = rules.decide(quant(65, 10, 10, 50.0, -5.0, "NONE", 1.6), AnalystOutcome.ok(65, "B", "보통",
                100, 20), 0);
        assertThat(d.reconSignals()).containsExactly("VOLUME_TREND_1.60x");
        assertThat(d.tradeTier()).isEqualTo("RECON");
        assertThat(d.tradable()).isTrue();
        assertThat(d.approved()).isTrue();
    }

    @ParameterizedTest(name = "h {0}, volume ratio {1}, momentum {2} → {3}")
    @CsvSource({"65,1.6,10,RECON", "65,1.4,10,BLOCKED", "65,1.4,20,RECON", "59,1.6,20,BLOCKED", "75,1.6,20,TIER1"})
    void reconTierTable(double h, double volumeRatio, double momentum, String tier) {
        ScoutDecision d = rules.decide(quant(h, momentum, 10, 50.0, -5.0, "NONE", volumeRatio),
                AnalystOutcome.ok((int) h, "B", "x", 1, 1), 0);
        assertThat(d.hybridScore()).isEqualTo(h);
        assertThat(d.tradeTier()).isEqualTo(tier);
    }

    @Test
    void momentumSignalNamesTheScore() {
        assertThat(new ReconSignals(1.5, 20).of(quant(65, 20, 10, 50.0, -5.0, "NONE", 1.0)))
                .containsExactly("MOMENTUM_20/25");
    }

    @Test
    void failedAnalystCallIsNotApprovedOnTheQuantScoreAlone() {
        // Python: score 0 → l = q − 15 → h = q − 6 → approved from q ≥ 56. Here: not approved, reason stored.
        ScoutDecision d = rules.decide(quant(90, 10, 10, 50.0, -5.0, "NONE", 1.0),
                AnalystOutcome.failed("connection refused"), 0);
        assertThat(d.approved()).isFalse();
        assertThat(d.tradable()).isFalse();
        assertThat(d.tradeTier()).isEqualTo("BLOCKED");
        assertThat(d.rawScore()).isNull();
        assertThat(d.llmError()).isEqualTo("connection refused");
        assertThat(d.reason()).contains("LLM 분석 실패").contains("connection refused");
    }

    @Test
    void configuredQuantWatchOnlyFallbackApprovesForWatchingButNeverForBuying() {
        DecisionRules watchOnly = new DecisionRules(new ReconSignals(1.5, 20), LlmFallback.QUANT_WATCH_ONLY);
        ScoutDecision d = watchOnly.decide(quant(90, 10, 10, 50.0, -5.0, "NONE", 1.0), AnalystOutcome.failed("timeout"),
                0);
        assertThat(d.approved()).isTrue();
        assertThat(d.hybridScore()).isEqualTo(90);
        assertThat(d.tradable()).isFalse();
        assertThat(d.tradeTier()).isEqualTo("BLOCKED");
        assertThat(d.fallbackApplied()).isTrue();

        ScoutDecision low = watchOnly.decide(quant(45, 10, 10, 50.0, -5.0, "NONE", 1.0), AnalystOutcome.failed("x"), 0);
        assertThat(low.approved()).isFalse();
    }
}
