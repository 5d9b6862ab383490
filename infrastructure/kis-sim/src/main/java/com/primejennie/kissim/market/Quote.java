package com.primejennie.kissim.market;

import java.time.LocalDate;

/** A stock's state now: what inquire-price answers. {@code last} is null before the day's first trade. */
public record Quote(Stock stock, LocalDate date, long price, long prevClose, long open, long high, long low,
                    long volume, long value, long prevDayVolume, Trade last) {

    public long upperLimit() {
        return PriceMath.upperLimit(prevClose);
    }

    public long lowerLimit() {
        return PriceMath.lowerLimit(prevClose);
    }
}
