package com.primejennie.buyscanner.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class StockBarsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 11);

    private static LocalDateTime t(String hhmmss) {
        return BarKeys.exchangeTime(DAY, hhmmss);
    }

    @Test
    void aTickWithALaterBarKeyClosesTheFormingBar() {
        StockBars bars = new StockBars();
        assertThat(bars.onTick(BarKeys.keyOf(t("100001"), 60), DAY, 100, 10)).isEmpty();
        assertThat(bars.onTick(BarKeys.keyOf(t("100030"), 60), DAY, 105, 5)).isEmpty();
        assertThat(bars.onTick(BarKeys.keyOf(t("100059"), 60), DAY, 99, 0)).isEmpty();
        Bar done = bars.onTick(BarKeys.keyOf(t("100100"), 60), DAY, 101, 7).orElseThrow();
        assertThat(done).isEqualTo(new Bar(t("100000"), 100, 105, 99, 99, 15, 3));
        assertThat(bars.completedCount()).isEqualTo(1);
    }

    @Test
    void aQuietStockClosesItsBarOnTheTimer() {
        StockBars bars = new StockBars();
        bars.onTick(t("100010"), DAY, 100, 1);
        assertThat(bars.closeIfEndedBefore(BarKeys.keyOf(t("100059"), 60).withSecond(10))).isEmpty();
        assertThat(bars.closeIfEndedBefore(t("100100"))).isPresent();
        assertThat(bars.forming()).isEmpty();
    }

    @Test
    void aLateTickJoinsTheFormingBarInsteadOfReopeningAClosedOne() {
        StockBars bars = new StockBars();
        bars.onTick(t("100000"), DAY, 100, 1);
        bars.onTick(t("100100"), DAY, 101, 1);
        assertThat(bars.onTick(t("100000"), DAY, 99, 1)).isEmpty();
        assertThat(bars.forming().orElseThrow().start()).isEqualTo(t("100100"));
    }

    @Test
    void keepsSixtyCompletedBars() {
        StockBars bars = new StockBars();
        for (int i = 0; i < 70; i++) {
            bars.onTick(DAY.atTime(10, 0).plusMinutes(i), DAY, 100 + i, 1);
        }
        assertThat(bars.completedCount()).isEqualTo(60);
        assertThat(bars.recent(30)).hasSize(30).last().extracting(Bar::close).isEqualTo(168.0);
    }

    @Test
    void vwapIsPerKstDayAndOnlyTicksWithVolumeMoveIt() {
        StockBars bars = new StockBars();
        bars.onTick(t("090000"), DAY, 100, 0);
        assertThat(bars.vwap()).isEqualTo(100);
        bars.onTick(t("090001"), DAY, 110, 0);
        assertThat(bars.vwap()).isEqualTo(100);
        bars.onTick(t("090002"), DAY, 100, 10);
        bars.onTick(t("090003"), DAY, 130, 20);
        assertThat(bars.vwap()).isEqualTo(120);
        bars.onTick(DAY.plusDays(1).atTime(9, 0), DAY.plusDays(1), 90, 0);
        assertThat(bars.vwap()).isEqualTo(90);
    }

    @Test
    void volumeRatioIsTheLastBarOverTheMeanIncludingItAndZeroWithoutVolume() {
        StockBars bars = new StockBars();
        assertThat(bars.volumeRatio()).isZero();
        bars.onTick(t("100000"), DAY, 100, 0);
        bars.onTick(t("100100"), DAY, 100, 0);
        assertThat(bars.volumeRatio()).isZero();
        StockBars withVolume = new StockBars();
        withVolume.onTick(t("100000"), DAY, 100, 100);
        withVolume.onTick(t("100100"), DAY, 100, 300);
        withVolume.onTick(t("100200"), DAY, 100, 1);
        assertThat(withVolume.volumeRatio()).isEqualTo(1.5);
    }

    @Test
    void warmStartBarsGoBeforeLiveOnes() {
        StockBars bars = new StockBars();
        bars.onTick(t("110000"), DAY, 100, 1);
        bars.seed(List.of(new Bar(t("105800"), 1, 1, 1, 1, 1, 0), new Bar(t("105900"), 2, 2, 2, 2, 1, 0),
                new Bar(t("110000"), 3, 3, 3, 3, 1, 0)));
        bars.onTick(t("110100"), DAY, 101, 1);
        assertThat(bars.recent(30)).extracting(Bar::close).containsExactly(1.0, 2.0, 100.0);
    }

    @Test
    void tickTimeMustBeHhmmss() {
        assertThatThrownBy(() -> BarKeys.exchangeTime(DAY, "10:00")).hasMessageContaining("'10:00'");
        assertThat(BarKeys.keyOf(t("100959"), 300)).isEqualTo(t("100500"));
    }
}
