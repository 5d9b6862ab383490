package com.primejennie.kissim.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Daily bars before the first simulated day, generated backwards from the stock's base price (the close of the day
 * before the first simulated day) so that history and the live tape join without a gap. Reproducible per seed.
 */
final class HistoryGenerator {

    private HistoryGenerator() {
    }

    /** {@code days} trading days ending the trading day before {@code firstDay}, oldest first. */
    static List<DailyBar> generate(Stock stock, LocalDate firstDay, int days, double vol, long seed,
                                   SimCalendar calendar) {
        SplittableRandom r = Seeds.stream(seed, stock.code(), null, "history");
        List<DailyBar> bars = new ArrayList<>(days);
        long close = stock.basePrice();
        LocalDate day = calendar.previous(firstDay);
        for (int i = 0; i < days; i++) {
            long prevClose = Ticks.snap(Math.round(close / (1 + r.nextGaussian() * vol)));
            prevClose = Math.max(PriceMath.lowerLimit(close) / 2, prevClose);
            long open = Ticks.snap(Math.round(prevClose * (1 + r.nextGaussian() * vol / 4)));
            long high = Ticks.roundUp(Math.round(Math.max(open, close) * (1 + Math.abs(r.nextGaussian()) * vol / 2)));
            long low = Ticks.roundDown(Math.round(Math.min(open, close) * (1 - Math.abs(r.nextGaussian()) * vol / 2)));
            high = Math.min(high, PriceMath.upperLimit(prevClose));
            high = Math.max(high, Math.max(open, close));
            low = Math.max(Math.min(low, Math.min(open, close)), 1);
            long volume = Math.max(1, Math.round(stock.listedShares() * 0.002 * Math.exp(0.5 * r.nextGaussian())));
            bars.add(new DailyBar(day, open, high, low, close, volume, volume * ((high + low) / 2), prevClose));
            close = prevClose;
            day = calendar.previous(day);
        }
        Collections.reverse(bars);
        return bars;
    }
}
