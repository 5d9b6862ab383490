package com.primejennie.shared.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chart phase: scout's stage cases (moved with the class from i19's ChartStage) and the exit warning. */
class ChartPhaseTest {

    static double[] flat(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    static double[] geometric(int n, double first, double dailyPct) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = first * Math.pow(1 + dailyPct / 100, i);
        }
        return v;
    }

    static double[] concat(double[]... parts) {
        double[] out = new double[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    /** 120 rows at 100, then 5 at {@code last}: MA120 = 100 + 5 × (last − 100) / 120. */
    static double[] runTo(double last) {
        return concat(flat(120, 100), flat(5, last));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"STAGE_1,1.1", "STAGE_2,1.2", "STAGE_3,0.8", "STAGE_4,0.0", "EXHAUSTION,0.7", "NONE,1.0",
            "UNKNOWN,1.0"})
    void phaseMultipliersAreTheSpecs(ChartPhase phase, double multiplier) {
        assertThat(phase.multiplier()).isEqualTo(multiplier);
    }

    @Test
    void detectsEachPhaseOnAConstructedSeries() {
        assertThat(ChartPhase.of(flat(124, 100))).isEqualTo(ChartPhase.UNKNOWN);
        assertThat(ChartPhase.of(flat(125, 100))).isEqualTo(ChartPhase.STAGE_1);
        assertThat(ChartPhase.of(geometric(130, 100, 0.1))).isEqualTo(ChartPhase.STAGE_2);
        assertThat(ChartPhase.of(geometric(130, 100, -0.1))).isEqualTo(ChartPhase.STAGE_4);
        // 105 rows at 100, 15 at 120, 5 at 104: MA20 116, MA60 105.3, MA120 102.7 → close below MA60, MA60 > MA120
        assertThat(ChartPhase.of(concat(flat(105, 100), flat(15, 120), flat(5, 104)))).isEqualTo(ChartPhase.STAGE_3);
        // 120 rows at 100, 5 at 160: MA120 102.5, close 160 = +56 % → exhaustion
        assertThat(ChartPhase.of(runTo(160))).isEqualTo(ChartPhase.EXHAUSTION);
    }

    @Test
    void exhaustionIsTheCloseAboveMa120InPercent() {
        assertThat(ChartPhase.exhaustionPct(runTo(160))).isCloseTo(160 / 102.5 * 100 - 100, within(1e-9));
        assertThat(ChartPhase.exhaustionPct(flat(124, 100))).isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // 5 rows at 141.7: MA120 101.7375, +39.28 % → no warning (and Stage 2 is not a warning)
            "run to +39.3 %,141.7,false",
            // 5 rows at 143: MA120 101.7917, +40.48 % → warning although the phase is not EXHAUSTION (≥ 50 %)
            "run to +40.5 %,143,true",
            "run to +56 % (EXHAUSTION),160,true",
            "flat (STAGE_1),100,false"})
    void warnsOnExhaustionAboveFortyPercent(String name, double last, boolean warns) {
        assertThat(ChartPhase.warning(runTo(last))).isEqualTo(warns);
    }

    @Test
    void warnsOnStageThreeAndNeverWithFewerThan125Rows() {
        double[] stage3 = concat(flat(105, 100), flat(15, 120), flat(5, 104));
        assertThat(ChartPhase.warning(stage3)).isTrue();
        assertThat(ChartPhase.warning(Arrays.copyOfRange(stage3, 1, stage3.length))).as("124 rows").isFalse();
        assertThat(ChartPhase.warning(geometric(130, 100, -0.1))).as("stage 4 is not the warning").isFalse();
    }
}
