package com.primejennie.buyexecutor.sizing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AtrCalculatorTest {

    private static List<AtrCalculator.Bar> bars(int n, double range) {
        List<AtrCalculator.Bar> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new AtrCalculator.Bar(10_000 + range / 2, 10_000 - range / 2, 10_000));
        }
        return out;
    }

    @Test
    void intradayAtrNeedsTwentyOneBarsAndAveragesTwentyTrueRanges() {
        assertThat(AtrCalculator.intraday(bars(20, 100))).isEmpty();
        assertThat(AtrCalculator.intraday(bars(30, 100)).getAsDouble()).isCloseTo(100, within(1e-9));
    }

    @Test
    void trueRangeUsesThePreviousCloseGap() {
        assertThat(AtrCalculator.trueRange(new AtrCalculator.Bar(110, 105, 108), 100)).isEqualTo(10);
        assertThat(AtrCalculator.trueRange(new AtrCalculator.Bar(100, 90, 95), 120)).isEqualTo(30);
    }

    @Test
    void wilderSeedsWithTheMeanThenSmooths() {
        List<AtrCalculator.Bar> b = new ArrayList<>(bars(15, 100));
        assertThat(AtrCalculator.wilder(b, 14).getAsDouble()).isCloseTo(100, within(1e-9));
        b.add(new AtrCalculator.Bar(10_240, 10_000, 10_100)); // TR 240
        assertThat(AtrCalculator.wilder(b, 14).getAsDouble()).isCloseTo((13 * 100 + 240) / 14.0, within(1e-9));
        assertThat(AtrCalculator.wilder(bars(14, 100), 14)).isEmpty();
    }

    @Test
    void clampsToOneToFivePercentAndFallsBackToTwoPercent() {
        assertThat(AtrCalculator.clamp(OptionalDouble.empty(), 50_000)).isEqualTo(1_000);
        assertThat(AtrCalculator.clamp(OptionalDouble.of(0), 50_000)).isEqualTo(1_000);
        assertThat(AtrCalculator.clamp(OptionalDouble.of(100), 50_000)).isEqualTo(500);
        assertThat(AtrCalculator.clamp(OptionalDouble.of(9_000), 50_000)).isEqualTo(2_500);
        assertThat(AtrCalculator.clamp(OptionalDouble.of(1_500), 50_000)).isEqualTo(1_500);
    }
}
