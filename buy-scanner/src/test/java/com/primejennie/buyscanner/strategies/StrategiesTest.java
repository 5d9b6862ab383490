package com.primejennie.buyscanner.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.testing.Scenario;
import com.primejennie.buyscanner.testing.Scenario.Bars;
import com.primejennie.buyscanner.watchlist.EntryInfo;

/** Each strategy of spec/buy-path.md §2.6 and spec/upstream-2026-02-18.md fires on its edge, not one step before. */
class StrategiesTest {

    private static List<Bar> ramp(int n, double from, double to, long volume) {
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = from + (to - from) * i / (n - 1);
        }
        return Bars.closes(volume, closes);
    }

    private static boolean fires(BuyStrategy strategy, Scenario scenario) {
        return strategy.evaluate(scenario.context(), Map.of()).triggered();
    }

    @Nested
    class Conviction {
        private final WatchlistConvictionEntry rule = new WatchlistConvictionEntry();

        /** BULL, fresh entry at 10 000, RSI 50, 20 bars, price 1 % up and at VWAP, 10:00. */
        private Scenario base() {
            return Scenario.of().regime("BULL").llm(80.0).hybrid(80.0).at("10:00:00")
                    .bars(Bars.zigzag(20, 10_000, 10, 10, 100)).tick(10_100).vwap(10_100)
                    .entry(new EntryInfo(Scenario.DAY.minusDays(1), 10_000.0, 1));
        }

        @Test
        void firesOnTheBaseCase() {
            assertThat(fires(rule, base())).isTrue();
        }

        @ParameterizedTest(name = "{0} KST -> fires {1}")
        @CsvSource({"09:14:59,false", "09:15:00,true", "10:30:00,true", "10:30:01,false"})
        void windowIsNineFifteenToTenThirtyInclusive(String time, boolean fires) {
            assertThat(fires(rule, base().at(time))).isEqualTo(fires);
        }

        @ParameterizedTest(name = "price {0} (entry close 10000) -> fires {1}")
        @CsvSource({"10299,true", "10300,false"})
        void gainFromTheEntryCloseMustStayBelowThreePercent(double price, boolean fires) {
            assertThat(fires(rule, base().tick(price).vwap(price))).isEqualTo(fires);
        }

        @ParameterizedTest(name = "{0} trading days since entry -> fires {1}")
        @CsvSource({"0,true", "2,true", "3,false"})
        void atMostConvictionMaxDaysSinceEntry(int days, boolean fires) {
            assertThat(fires(rule, base().entry(new EntryInfo(Scenario.DAY, 10_000.0, days)))).isEqualTo(fires);
        }

        @Test
        void aStockMissingFromTheEntryCacheCountsAsDayZeroAndUsesTodaysFirstOpen() {
            assertThat(fires(rule, base().entry(null))).isTrue();
        }

        @ParameterizedTest(name = "{0} hybrid {1} llm {2} -> fires {3}")
        @CsvSource({"SIDEWAYS,75,80,true", "SIDEWAYS,74.9,80,false", "BULL,70,0,true", "BULL,69.9,72,true",
                "BULL,69.9,71.9,false", "STRONG_BULL,80,80,true", "BEAR,90,90,false", "UNKNOWN,90,90,false"})
        void regimeAndScore(String regime, double hybrid, double llm, boolean fires) {
            assertThat(fires(rule, base().regime(regime).hybrid(hybrid).llm(llm))).isEqualTo(fires);
        }

        @ParameterizedTest(name = "price {0} vs VWAP 10000 -> fires {1}")
        @CsvSource({"10150,true", "10160,false"})
        void atMostOneAndAHalfPercentAboveVwap(double price, boolean fires) {
            assertThat(fires(rule, base().tick(price).vwap(10_000))).isEqualTo(fires);
        }

        @Test
        void rsiMustBeBelowSixtyFive() {
            // 14 deltas of +13 / −7 alternately: RSI exactly 65 -> no; +12.9 -> below 65 -> fires
            assertThat(fires(rule, base().bars(Bars.zigzag(20, 10_000, 13, 7, 100)))).isFalse();
            assertThat(fires(rule, base().bars(Bars.zigzag(20, 10_000, 12.9, 7, 100)))).isTrue();
        }

        @ParameterizedTest(name = "{0} bars -> fires {1}")
        @CsvSource({"2,false", "3,true"})
        void needsOnlyThreeBars(int bars, boolean fires) {
            assertThat(fires(rule, base().bars(Bars.flat(bars, 10_000, 100)))).isEqualTo(fires);
        }
    }

    @Nested
    class MomentumContinuation {
        private final MomentumContinuationBull rule = new MomentumContinuationBull();

        @ParameterizedTest(name = "last close {0} (first open 10000) -> fires {1}")
        @CsvSource({"10199,false", "10200,true", "10499,true", "10500,false"})
        void gainOfTwoPercentUpToTheFivePercentChaseCap(double last, boolean fires) {
            assertThat(fires(rule, Scenario.of().regime("BULL").llm(65.0).bars(ramp(20, 10_000, last, 100))))
                    .isEqualTo(fires);
        }

        @Test
        void needsLlmSixtyFiveTwentyBarsAndMa5AboveMa20() {
            assertThat(fires(rule, Scenario.of().llm(64.9).bars(ramp(20, 10_000, 10_300, 100)))).isFalse();
            assertThat(fires(rule, Scenario.of().llm(70.0).bars(ramp(19, 10_000, 10_300, 100)))).isFalse();
            List<Bar> upThenDown = Bars.concat(ramp(10, 10_000, 11_000, 100), ramp(10, 10_900, 10_300, 100));
            assertThat(fires(rule, Scenario.of().llm(70.0).bars(upThenDown))).isFalse();
        }
    }

    @Nested
    class ShortTermHigh {
        private final ShortTermHighBreakout rule = new ShortTermHighBreakout();

        private List<Bar> bars(int n, double lastClose, long lastVolume) {
            return Bars.concat(Bars.flat(n - 1, 100, 100),
                    List.of(Bars.bar(100, lastClose, 100, lastClose, lastVolume)));
        }

        @ParameterizedTest(name = "last volume {0} (mean 100) -> fires {1}")
        @CsvSource({"199,false", "200,true"})
        void volumeTwiceTheMean(long volume, boolean fires) {
            assertThat(fires(rule, Scenario.of().bars(bars(30, 101, volume)))).isEqualTo(fires);
        }

        @Test
        void closeMustBeAboveEveryEarlierHighWithThirtyBars() {
            assertThat(fires(rule, Scenario.of().bars(bars(30, 100, 500)))).isFalse();
            assertThat(fires(rule, Scenario.of().bars(bars(29, 101, 500)))).isFalse();
        }

        @Test
        void neverFiresWithoutVolumeAsInPython() {
            assertThat(fires(rule, Scenario.of().bars(Bars.concat(Bars.flat(29, 100, 0),
                    List.of(Bars.bar(100, 101, 100, 101, 0)))))).isFalse();
        }
    }

    @Nested
    class VolumeBreakout {
        @ParameterizedTest(name = "last volume {0} (mean 100) -> fires {1}")
        @CsvSource({"299,false", "300,true"})
        void volumeThreeTimesTheMeanAboveTheTwentyBarCloseHigh(long volume, boolean fires) {
            List<Bar> bars = Bars.concat(Bars.flat(20, 100, 100), List.of(Bars.bar(100, 101, 100, 101, volume)));
            assertThat(fires(new VolumeBreakout1Min(), Scenario.of().bars(bars))).isEqualTo(fires);
        }
    }

    @Nested
    class Pullback {
        private List<Bar> bars(long lastVolume, boolean twoBearish) {
            List<Bar> out = new ArrayList<>(ramp(17, 100, 116, 100));
            out.add(twoBearish ? Bars.bar(116, 116, 115.5, 115.5, 100) : Bars.bar(116, 116.2, 116, 116.2, 100));
            out.add(twoBearish ? Bars.bar(115.5, 115.5, 115, 115, 100) : Bars.bar(115.5, 115.6, 115.5, 115.6, 100));
            out.add(Bars.bar(115, 115, 114.8, 114.8, 100));
            out.add(Bars.bar(114.8, 116, 114.8, 116, lastVolume));
            return Bars.timed(out);
        }

        @ParameterizedTest(name = "last volume {0} (0.8 x mean 100 = 80) -> fires {1}")
        @CsvSource({"80,false", "81,true"})
        void bouncesOnVolumeAfterTwoDownBarsInAnUptrend(long volume, boolean fires) {
            assertThat(fires(new BullPullback(), Scenario.of().bars(bars(volume, true)))).isEqualTo(fires);
        }

        @Test
        void oneDownBarIsNotAPullback() {
            assertThat(fires(new BullPullback(), Scenario.of().bars(bars(200, false)))).isFalse();
        }
    }

    @Nested
    class Vcp {
        private List<Bar> bars(double secondRange, long lastVolume, double lastClose) {
            List<Bar> out = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                out.add(Bars.bar(100, 105, 95, 100, 100));
            }
            for (int i = 0; i < 10; i++) {
                out.add(Bars.bar(100, 100 + secondRange / 2, 100 - secondRange / 2, 100, 100));
            }
            out.add(Bars.bar(100, lastClose, 100, lastClose, lastVolume));
            return Bars.timed(out);
        }

        @ParameterizedTest(name = "second range {0} vs 10 -> fires {1}")
        @CsvSource({"7.0,true", "7.1,false"})
        void rangeContractsToSeventyPercent(double range, boolean fires) {
            assertThat(fires(new VcpBreakout(), Scenario.of().bars(bars(range, 300, 106)))).isEqualTo(fires);
        }

        @Test
        void breaksOutOnThreeTimesTheVolumeAboveTheBaseHigh() {
            assertThat(fires(new VcpBreakout(), Scenario.of().bars(bars(7, 299, 106)))).isFalse();
            assertThat(fires(new VcpBreakout(), Scenario.of().bars(bars(7, 300, 105)))).isFalse();
        }
    }

    @Nested
    class Institutional {
        private List<Bar> bars(Bar last, long prevVolume) {
            return Bars.concat(Bars.flat(3, 100, 100), List.of(Bars.bar(100, 105, 100, 105, prevVolume), last));
        }

        @ParameterizedTest(name = "body {0} (previous 5) -> fires {1}")
        @CsvSource({"9.9,false", "10,true"})
        void bodyTwiceThePrevious(double body, boolean fires) {
            Bar last = Bars.bar(105, 105 + body, 105, 105 + body, 200);
            assertThat(fires(new InstitutionalEntry(), Scenario.of().bars(bars(last, 100)))).isEqualTo(fires);
        }

        @ParameterizedTest(name = "high {0} (close 128, low 110) -> fires {1}")
        @CsvSource({"130,false", "129.9,true"})
        void closesWithinTenPercentOfTheRangeFromTheHigh(double high, boolean fires) {
            Bar last = Bars.bar(110, high, 110, 128, 200);
            assertThat(fires(new InstitutionalEntry(), Scenario.of().bars(bars(last, 100)))).isEqualTo(fires);
        }

        @Test
        void needsMoreVolumeThanThePreviousBar() {
            Bar last = Bars.bar(105, 125, 105, 125, 100);
            assertThat(fires(new InstitutionalEntry(), Scenario.of().bars(bars(last, 100)))).isFalse();
        }
    }

    @Nested
    class Dip {
        private Scenario base(String regime, int days) {
            return Scenario.of().regime(regime).llm(65.0)
                    .entry(new EntryInfo(LocalDate.of(2026, 2, 9), 10_000.0, days));
        }

        @ParameterizedTest(name = "{0} price {1} day {2} -> fires {3}")
        @CsvSource({"SIDEWAYS,9801,1,false", "SIDEWAYS,9800,1,true", "SIDEWAYS,9500,3,true",
                "SIDEWAYS,9499,1,false", "SIDEWAYS,9800,0,false", "SIDEWAYS,9800,4,false",
                "BULL,9951,1,false", "BULL,9950,1,true", "BULL,9700,5,true", "BULL,9699,1,false",
                "BULL,9800,6,false", "STRONG_BULL,9950,5,true"})
        void dropAndTradingDaysByRegime(String regime, double price, int days, boolean fires) {
            assertThat(fires(new DipBuy(), base(regime, days).tick(price))).isEqualTo(fires);
        }

        @Test
        void needsLlmSixtyFiveAndAnEntryClose() {
            assertThat(fires(new DipBuy(), base("SIDEWAYS", 1).llm(64.9).tick(9800))).isFalse();
            assertThat(fires(new DipBuy(), Scenario.of().entry(new EntryInfo(Scenario.DAY, null, 1)).tick(9800)))
                    .isFalse();
        }
    }

    @Nested
    class Golden {
        private List<Bar> crossing() {
            double[] closes = new double[20];
            java.util.Arrays.fill(closes, 100);
            closes[19] = 101;
            return Bars.closes(100, closes);
        }

        @ParameterizedTest(name = "volume ratio {0} -> fires {1}")
        @CsvSource({"1.49,false", "1.5,true"})
        void crossOnVolume(double ratio, boolean fires) {
            assertThat(fires(new GoldenCross(), Scenario.of().bars(crossing()).volumeRatio(ratio))).isEqualTo(fires);
        }

        @Test
        void noCrossWhenTheShortAverageWasAlreadyAbove() {
            assertThat(fires(new GoldenCross(), Scenario.of().bars(ramp(20, 100, 120, 100)).volumeRatio(3)))
                    .isFalse();
        }

        @Test
        void legendaryPatternUpgradesToSuperPrime() {
            double[] closes = new double[16];
            for (int i = 0; i < 15; i++) {
                closes[i] = 200 - i;
            }
            closes[15] = closes[14] + 5;
            var params = Map.<String, Object>of("short", 1, "long", 2);
            var buying = Scenario.of().bars(Bars.closes(100, closes)).volumeRatio(2)
                    .flows(List.of(-50.0, 10.0, 10.0, 10.0, 10.0, 11.0));
            StrategyCheck check = new GoldenCross().evaluate(buying.context(), params);
            assertThat(buying.context().rsi()).isLessThanOrEqualTo(40.0);
            assertThat(check.signalType()).isEqualTo("GOLDEN_CROSS_SUPER_PRIME");
            var selling = buying.flows(List.of(10.0, -10.0, -10.0, -10.0, -10.0, -10.0));
            assertThat(new GoldenCross().evaluate(selling.context(), params).signalType()).isEqualTo("GOLDEN_CROSS");
        }
    }

    @Nested
    class Rebound {
        private Scenario crossingUp(double lastMove) {
            double[] closes = new double[16];
            closes[0] = 100;
            closes[1] = 102;
            for (int i = 2; i < 15; i++) {
                closes[i] = closes[i - 1] - 1;
            }
            closes[15] = closes[14] + lastMove;
            return Scenario.of().bars(Bars.closes(100, closes));
        }

        @Test
        void firesWhenRsiCrossesUpThroughTheThresholdOnThisBar() {
            var ctx = crossingUp(6).context();
            double rsi = ctx.rsi();
            assertThat(new RsiRebound().evaluate(ctx, Map.of("threshold", rsi)).triggered()).isTrue();
            assertThat(new RsiRebound().evaluate(ctx, Map.of("threshold", rsi + 1e-9)).triggered()).isFalse();
        }

        @Test
        void aMissIsAReasonNotAnException_DEFECT_5_2() {
            assertThatCode(() -> new RsiRebound().evaluate(Scenario.of().bars(Bars.flat(3, 100, 1)).context(),
                    Map.of())).doesNotThrowAnyException();
            assertThat(new RsiRebound().evaluate(Scenario.of().bars(Bars.flat(3, 100, 1)).context(), Map.of())
                    .reason()).contains("N/A");
        }
    }

    @Nested
    class Bollinger {
        @ParameterizedTest(name = "price {0} (band 95) -> fires {1}")
        @CsvSource({"95,true", "95.01,false"})
        void atOrBelowTheLowerBandOfPopulationSigma(double price, boolean fires) {
            double[] closes = new double[20];
            for (int i = 0; i < 20; i++) {
                closes[i] = i % 2 == 0 ? 100 : 110;
            }
            assertThat(fires(new BollingerLower(), Scenario.of().bars(Bars.closes(100, closes)).tick(price)))
                    .isEqualTo(fires);
        }
    }

    @Nested
    class MomentumRule {
        @ParameterizedTest(name = "last close {0} (first 10000), threshold 1.5 -> fires {1}")
        @CsvSource({"10149,false", "10150,true", "10699,true", "10700,false"})
        void gainAboveTheThresholdBelowTheSevenPercentChaseCap(double last, boolean fires) {
            var ctx = Scenario.of().bars(ramp(30, 10_000, last, 100)).context();
            assertThat(new Momentum().evaluate(ctx, Map.of("threshold", 1.5)).triggered()).isEqualTo(fires);
        }

        @Test
        void thresholdDefaultsToThreePercentWithoutParams() {
            var ctx = Scenario.of().bars(ramp(30, 10_000, 10_299, 100)).context();
            assertThat(new Momentum().evaluate(ctx, Map.of()).triggered()).isFalse();
            var more = Scenario.of().bars(ramp(30, 10_000, 10_300, 100)).context();
            assertThat(new Momentum().evaluate(more, Map.of()).triggered()).isTrue();
        }
    }
}
