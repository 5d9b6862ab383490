package com.primejennie.buyscanner.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.primejennie.buyscanner.testing.Scenario;
import com.primejennie.buyscanner.testing.Scenario.Bars;

class RiskGateChainTest {

    @Test
    void runsTheGatesInTheSpecsOrder() {
        assertThat(RiskGateChain.standard(k -> false).slots()).extracting(s -> s.gate().name())
                .containsExactly("Min Bars", "No-Trade Window", "Danger Zone", "RSI Guard", "Macro Risk",
                        "Regime Gate", "Combined Risk", "SL Cooldown", "Cooldown", "Micro-Timing", "Min LLM Score");
    }

    @Test
    void stopsAtTheFirstFailureOfAGateThatProtectsMoney() {
        var outcome = RiskGateChain.standard(k -> false).run(Scenario.of().at("09:10:00").context());
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failedGate()).isEqualTo("No-Trade Window");
        assertThat(outcome.convictionMayRun()).isFalse();
        assertThat(outcome.checks()).extracting(GateCheck::name).containsExactly("Min Bars", "No-Trade Window");
    }

    @Test
    void convictionMayRunWhenOnlyBarCountRegimeOrVolumeVwapGatesFailed() {
        var ctx = Scenario.of().bars(Bars.flat(5, 10_000, 100)).regime("BEAR").context();
        var outcome = RiskGateChain.standard(k -> false).run(ctx);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failedGate()).isEqualTo("Min Bars");
        assertThat(outcome.convictionMayRun()).isTrue();
    }

    @Test
    void convictionMayNotSkipTheStopLossBlacklist() {
        var ctx = Scenario.of().bars(Bars.flat(5, 10_000, 100)).context();
        var outcome = RiskGateChain.standard(Set.of("stoploss_cooldown:005930")::contains).run(ctx);
        assertThat(outcome.convictionMayRun()).isFalse();
    }

    @Test
    void convictionMayNotSkipTheOperatorsMinLlmScore() {
        var ctx = Scenario.of().bars(Bars.flat(5, 10_000, 100)).llm(60.0).set("MIN_LLM_SCORE", 70).context();
        var outcome = RiskGateChain.standard(k -> false).run(ctx);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.convictionMayRun()).isFalse();
        assertThat(outcome.checks()).extracting(GateCheck::name).endsWith("Min LLM Score");
    }
}
