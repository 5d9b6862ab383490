package com.primejennie.buyscanner.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.testing.Scenario.Bars;

class IndicatorsTest {

    @Test
    void simpleRsiIsThePlainMeanOfTheLastFourteenGainsAndLossesNotWilders() {
        List<Double> closes = new ArrayList<>();
        closes.add(100.0);
        // a big early loss outside the window must not count (Wilder's smoothing would remember it)
        closes.add(50.0);
        for (int i = 0; i < 14; i++) {
            closes.add(closes.get(closes.size() - 1) + (i % 2 == 0 ? 3 : -1));
        }
        assertThat(SimpleRsi.of(closes)).isEqualTo(75.0);
        assertThat(SimpleRsi.of(closes.subList(0, 14))).isNull();
        assertThat(SimpleRsi.of(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)))
                .isEqualTo(100.0);
    }

    @Test
    void smaIsTheMeanOfTheLastNClosesOrOfAllWhenFewer() {
        List<Bar> bars = Bars.closes(1, 1, 2, 3, 4, 5, 6);
        BarIndicators indicators = new BarIndicators(bars);
        assertThat(indicators.sma(5)).isEqualTo(4.0);
        assertThat(indicators.sma(20)).isEqualTo(3.5);
    }

    @Test
    void bollingerLowerUsesThePopulationStandardDeviation() {
        // closes 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2 (sample sd would be 2.14)
        assertThat(new BarIndicators(Bars.closes(1, 2, 4, 4, 4, 5, 5, 7, 9)).bollingerLower(8))
                .isCloseTo(1.0, within(1e-9));
    }
}
