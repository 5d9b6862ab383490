package com.primejennie.kissim.market;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One simulated trade with the day's state right after it: what a real-time H0STCNT0 record and a current-price
 * answer are built from. {@code buyInitiated} is KIS's CCLD_DVSN (1 buy, 5 sell).
 */
public record Trade(String code, LocalDate date, LocalTime time, long price, long volume, boolean buyInitiated,
                    long prevClose, long open, long high, long low, long cumVolume, long cumValue,
                    LocalTime openTime, LocalTime highTime, LocalTime lowTime, long sellCount, long buyCount,
                    long sellVolume, long buyVolume, long prevDayVolume) {

    public long change() {
        return price - prevClose;
    }

    /** KIS prdy_vrss_sign: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down. */
    public String changeSign() {
        return PriceMath.sign(price, prevClose);
    }

    public double changeRate() {
        return PriceMath.rate(price, prevClose);
    }
}
