package com.primejennie.shared.feed;

import java.time.LocalDateTime;

/**
 * One minute of trades of one code, as a {@code STOCK_MINUTE_PRICE} row.
 *
 * @param code        stock code
 * @param minute      the bar's minute start, naive <b>KST</b> (the exchange time KIS reports; see {@link MinuteBarAggregator})
 * @param open        first trade price of the minute
 * @param high        highest trade price of the minute
 * @param low         lowest trade price of the minute
 * @param close       last trade price of the minute
 * @param volume      shares traded in the minute (sum of {@code CNTG_VOL})
 * @param accumVolume the day's cumulative volume at the last trade of the minute ({@code ACML_VOL})
 */
public record MinuteBar(String code, LocalDateTime minute, long open, long high, long low, long close, long volume,
                        long accumVolume) {

    MinuteBar with(TradeTick tick) {
        return new MinuteBar(code, minute, open, Math.max(high, tick.price()), Math.min(low, tick.price()),
                tick.price(), volume + tick.volume(), Math.max(accumVolume, tick.cumulativeVolume()));
    }

    static MinuteBar first(TradeTick tick, LocalDateTime minute) {
        return new MinuteBar(tick.code(), minute, tick.price(), tick.price(), tick.price(), tick.price(),
                tick.volume(), tick.cumulativeVolume());
    }
}
