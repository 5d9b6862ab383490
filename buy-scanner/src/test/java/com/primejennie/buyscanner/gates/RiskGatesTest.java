package com.primejennie.buyscanner.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.shared.macro.TradingContext;
import com.primejennie.buyscanner.testing.Scenario;
import com.primejennie.buyscanner.testing.Scenario.Bars;

/** Each gate of spec/buy-path.md §2.5 on its edge: it blocks at the edge and not one step before (or after). */
class RiskGatesTest {

    @Nested
    class MinBars {
        @ParameterizedTest(name = "{0} bars, MIN_REQUIRED_BARS {1} -> passes {2}")
        @CsvSource({"19,20,false", "20,20,true", "0,1,false", "1,1,true"})
        void needsMinRequiredBars(int bars, int min, boolean passes) {
            var ctx = Scenario.of().bars(Bars.flat(bars, 10_000, 100)).set("MIN_REQUIRED_BARS", min).context();
            assertThat(new MinBarsGate().check(ctx).passed()).isEqualTo(passes);
        }
    }

    @Nested
    class NoTradeWindow {
        @ParameterizedTest(name = "{0} KST -> passes {1}")
        @CsvSource({"08:59:59,true", "09:00:00,false", "09:07:00,false", "09:15:00,false", "09:15:01,true"})
        void blocksNineToNineFifteenBothEndsInclusive(String time, boolean passes) {
            assertThat(new NoTradeWindowGate().check(Scenario.of().at(time).context()).passed()).isEqualTo(passes);
        }

        @Test
        void readsTheRegistryKeysPythonIgnored() {
            var ctx = Scenario.of().at("09:20:00").set("NO_TRADE_WINDOW_END", "09:30").context();
            assertThat(new NoTradeWindowGate().check(ctx).passed()).isFalse();
        }
    }

    @Nested
    class DangerZone {
        @ParameterizedTest(name = "{0} KST -> passes {1}")
        @CsvSource({"13:59:59,true", "14:00:00,false", "14:59:59,false", "15:00:00,true"})
        void blocksTwoToThreeEndExclusive(String time, boolean passes) {
            assertThat(new DangerZoneGate().check(Scenario.of().at(time).context()).passed()).isEqualTo(passes);
        }
    }

    @Nested
    class RsiGuard {
        /** 14 deltas: 7 × +3 and 7 × −1 → avg gain / avg loss = 3 → RSI exactly 75. */
        @Test
        void passesAtTheMaximumAndBlocksOneStepAbove() {
            var atMax = Scenario.of().bars(Bars.zigzag(30, 10_000, 3, 1, 100)).set("RISK_GATE_RSI_MAX", 75).context();
            assertThat(atMax.rsi()).isEqualTo(75.0);
            assertThat(new RsiGuardGate().check(atMax).passed()).isTrue();
            var above = Scenario.of().bars(Bars.zigzag(30, 10_000, 3.01, 1, 100)).set("RISK_GATE_RSI_MAX", 75)
                    .context();
            assertThat(above.rsi()).isGreaterThan(75.0);
            assertThat(new RsiGuardGate().check(above).passed()).isFalse();
        }

        @Test
        void aRisingOnlySeriesIsRsi100AndBlocked() {
            var ctx = Scenario.of().bars(Bars.zigzag(20, 10_000, 10, 0, 100)).context();
            assertThat(ctx.rsi()).isEqualTo(100.0);
            assertThat(new RsiGuardGate().check(ctx).passed()).isFalse();
        }

        @Test
        void passesWithoutRsi() {
            var ctx = Scenario.of().bars(Bars.flat(14, 10_000, 1)).context();
            assertThat(ctx.rsi()).isNull();
            assertThat(new RsiGuardGate().check(ctx).passed()).isTrue();
        }
    }

    @Nested
    class MacroRisk {
        @ParameterizedTest(name = "level {0}, vix {1} -> passes {2}")
        @CsvSource({"0,normal,true", "1,elevated,true", "2,normal,false", "3,normal,false", "0,crisis,false"})
        void blocksRiskOffLevelTwoOrVixCrisis(int level, String vix, boolean passes) {
            var ctx = Scenario.of().macro(new TradingContext(level, vix, 1.0, 1.0, TradingContext.ALL_STRATEGIES))
                    .context();
            assertThat(new MacroRiskGate().check(ctx).passed()).isEqualTo(passes);
        }

        @Test
        void passesWithoutContext() {
            assertThat(new MacroRiskGate().check(Scenario.of().macro(null).context()).passed()).isTrue();
        }
    }

    @Nested
    class Regime {
        @ParameterizedTest(name = "{0}, block {1} -> passes {2}")
        @CsvSource({"BEAR,true,false", "STRONG_BEAR,true,false", "SIDEWAYS,true,true", "UNKNOWN,true,true",
                "BULL,true,true", "BEAR,false,true"})
        void blocksBearRegimesWhileEnabled(String regime, boolean block, boolean passes) {
            var ctx = Scenario.of().regime(regime).set("ENABLE_BEAR_ENTRY_BLOCK", block).context();
            assertThat(new RegimeGate().check(ctx).passed()).isEqualTo(passes);
        }
    }

    @Nested
    class CombinedRisk {
        @ParameterizedTest(name = "ratio {0}, price {1} (vwap 10000) -> passes {2}")
        @CsvSource({"2.0,10300,true", "2.01,10200,true", "2.01,10201,false", "5.0,10000,true", "0,20000,true"})
        void blocksOnlyWhenVolumeAndVwapFlagsAreBothSet(double ratio, double price, boolean passes) {
            var ctx = Scenario.of().volumeRatio(ratio).vwap(10_000).tick(price).context();
            GateResult result = new CombinedRiskGate().check(ctx);
            assertThat(result.passed()).isEqualTo(passes);
            assertThat(result.checks()).extracting(GateCheck::name)
                    .containsExactly("Volume Gate", "VWAP Gate", "Combined Risk");
        }
    }

    @Nested
    class Cooldowns {
        @Test
        void stopLossBlacklistBlocksWhileItsKeyExists() {
            var ctx = Scenario.of().context();
            assertThat(new StopLossCooldownGate(Set.of("stoploss_cooldown:005930")::contains).check(ctx).passed())
                    .isFalse();
            assertThat(new StopLossCooldownGate(Set.of("stoploss_cooldown:000660")::contains).check(ctx).passed())
                    .isTrue();
        }

        @Test
        void unreadableStopLossBlacklistFailsClosedWherePythonFailedOpen() {
            assertThat(new StopLossCooldownGate(k -> {
                throw new IllegalStateException("redis down");
            }).check(Scenario.of().context()).passed()).isFalse();
        }

        @Test
        void signalCooldownBlocksWhileItsKeyExistsAndFailsClosed() {
            var ctx = Scenario.of().context();
            assertThat(new SignalCooldownGate(Set.of("buy_signal_cooldown:005930")::contains).check(ctx).passed())
                    .isFalse();
            assertThat(new SignalCooldownGate(Set.of()::contains).check(ctx).passed()).isTrue();
            assertThat(new SignalCooldownGate(k -> {
                throw new IllegalStateException("redis down");
            }).check(ctx).passed()).isFalse();
        }
    }

    @Nested
    class MicroTiming {
        private List<Bar> withLastTwo(Bar prev, Bar last) {
            return Bars.concat(Bars.flat(18, 100, 100), List.of(prev, last));
        }

        @ParameterizedTest(name = "body 10, upper wick {0} -> passes {1}")
        @CsvSource({"20,true", "20.5,false", "0,true"})
        void shootingStarIsAnUpperWickOverTwiceTheBody(double wick, boolean passes) {
            Bar prev = Bars.bar(100, 100, 100, 100, 100);
            Bar star = Bars.bar(100, 110 + wick, 100, 110, 100);
            var ctx = Scenario.of().bars(withLastTwo(prev, star)).context();
            assertThat(new MicroTimingGate().check(ctx).passed()).isEqualTo(passes);
        }

        @ParameterizedTest(name = "engulfing volume {0} vs 100 -> passes {1}")
        @CsvSource({"100,true", "101,false"})
        void bearishEngulfingNeedsMoreVolumeSoItFiresOnlyWithRealVolume(long volume, boolean passes) {
            Bar up = Bars.bar(100, 110, 100, 110, 100);
            Bar engulf = Bars.bar(110, 110, 99, 99, volume);
            var ctx = Scenario.of().bars(withLastTwo(up, engulf)).context();
            assertThat(new MicroTimingGate().check(ctx).passed()).isEqualTo(passes);
        }

        @Test
        void offWhenDisabled() {
            Bar prev = Bars.bar(100, 100, 100, 100, 100);
            Bar star = Bars.bar(100, 150, 100, 110, 100);
            var ctx = Scenario.of().bars(withLastTwo(prev, star)).set("ENABLE_MICRO_TIMING", false).context();
            assertThat(new MicroTimingGate().check(ctx).passed()).isTrue();
        }
    }

    @Nested
    class MinLlmScore {

        @ParameterizedTest(name = "llm_score {0}, MIN_LLM_SCORE {1} -> passes {2}")
        @CsvSource({"69.9,70,false", "70,70,true", "70.1,70,true", "0,0,true", "0,1,false", "100,100,true",
                "99.99,100,false"})
        void blocksWatchlistStocksBelowTheOperatorsMinLlmScore(double score, int min, boolean passes) {
            var ctx = Scenario.of().llm(score).set("MIN_LLM_SCORE", min).context();
            var result = new MinLlmScoreGate().check(ctx);
            assertThat(result.passed()).isEqualTo(passes);
            assertThat(result.checks()).containsExactly(new GateCheck("Min LLM Score", passes, score, min));
        }

        @Test
        void aMissingScoreCountsAsZeroAndTheDefaultFloorLetsItThrough() {
            assertThat(new MinLlmScoreGate().check(Scenario.of().llm(null).context()).passed()).isTrue();
            assertThat(new MinLlmScoreGate().check(Scenario.of().llm(null).set("MIN_LLM_SCORE", 1).context())
                    .passed()).isFalse();
        }
    }
}
