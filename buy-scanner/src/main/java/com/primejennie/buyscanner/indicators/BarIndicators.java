package com.primejennie.buyscanner.indicators;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;

import com.primejennie.buyscanner.bars.Bar;

/**
 * The scanner's indicators over a stock's recent bars. Where ta4j's formula is the spec's it is used: the simple
 * moving average ({@code SMAIndicator}: the mean of the last n closes, of all of them when fewer exist, as numpy's
 * mean of a short slice) and the Bollinger lower band's mean and <em>population</em> standard deviation
 * ({@code StandardDeviationIndicator} over {@code VarianceIndicator}, which divides by the bar count, as
 * {@code np.std} does). RSI is {@link SimpleRsi} (the spec's, not Wilder's); VWAP and the volume ratio are the
 * scanner's own per-day and per-history figures ({@code StockBars}), which ta4j's windowed VWAP is not.
 */
public final class BarIndicators {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final List<Bar> bars;
    private BarSeries series;

    public BarIndicators(List<Bar> bars) {
        this.bars = List.copyOf(bars);
    }

    private BarSeries series() {
        if (series == null) {
            BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
            for (Bar bar : bars) {
                s.addBar(Duration.ofMinutes(1), bar.start().plusMinutes(1).atZone(KST), bar.open(), bar.high(),
                        bar.low(), bar.close(), bar.volume());
            }
            series = s;
        }
        return series;
    }

    /** Mean of the last {@code n} closes; {@code NaN} without bars. */
    public double sma(int n) {
        if (bars.isEmpty()) {
            return Double.NaN;
        }
        BarSeries s = series();
        return new SMAIndicator(new ClosePriceIndicator(s), n).getValue(s.getEndIndex()).doubleValue();
    }

    /** Mean − 2 population standard deviations of the last {@code n} closes; {@code NaN} without bars. */
    public double bollingerLower(int n) {
        if (bars.isEmpty()) {
            return Double.NaN;
        }
        BarSeries s = series();
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        int end = s.getEndIndex();
        double mean = new SMAIndicator(close, n).getValue(end).doubleValue();
        double sd = new StandardDeviationIndicator(close, n).getValue(end).doubleValue();
        return mean - 2 * sd;
    }
}
