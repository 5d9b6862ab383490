package com.primejennie.scoutjob.scout.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.scoutjob.scout.regime.MarketRegime;
import com.primejennie.scoutjob.scout.regime.RegimeDetector;

/** The regime rules and the Python BEAR guard (spec §3.7 step 2). */
class RegimeDetectorTest {

    static double[] geometric(int n, double dailyPct) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2500 * Math.pow(1 + dailyPct / 100, i);
        }
        return v;
    }

    @ParameterizedTest(name = "{0} %/day → {1}")
    @CsvSource({"0.3,STRONG_BULL", "0.1,BULL", "0,SIDEWAYS", "-0.1,BEAR", "-0.3,STRONG_BEAR"})
    void detectsFromTheKospiTrend(double dailyPct, MarketRegime regime) {
        assertThat(RegimeDetector.detect(geometric(60, dailyPct))).isEqualTo(regime);
    }

    @Test
    void withoutSixtyClosesItIsSideways() {
        assertThat(RegimeDetector.detect(geometric(59, 0.3))).isEqualTo(MarketRegime.SIDEWAYS);
    }

    @Test
    void aBearReadingWithoutTheLiveIndexKeepsANonBearPreviousRegime() {
        assertThat(RegimeDetector.guard(MarketRegime.BEAR, false, MarketRegime.BULL)).isEqualTo(MarketRegime.BULL);
        assertThat(RegimeDetector.guard(MarketRegime.BEAR, true, MarketRegime.BULL)).isEqualTo(MarketRegime.BEAR);
        assertThat(RegimeDetector.guard(MarketRegime.BEAR, false, MarketRegime.STRONG_BEAR))
                .isEqualTo(MarketRegime.BEAR);
        assertThat(RegimeDetector.guard(MarketRegime.STRONG_BEAR, false, MarketRegime.BULL))
                .isEqualTo(MarketRegime.STRONG_BEAR);
    }
}
