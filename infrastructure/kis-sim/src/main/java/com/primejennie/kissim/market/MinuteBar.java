package com.primejennie.kissim.market;

import java.time.LocalDate;
import java.time.LocalTime;

/** One minute of trades of one stock (labelled with the minute's start, HHmm00). */
public record MinuteBar(LocalDate date, LocalTime minute, long open, long high, long low, long close, long volume,
                        long value) {

    MinuteBar with(long price, long vol) {
        return new MinuteBar(date, minute, open, Math.max(high, price), Math.min(low, price), price, volume + vol,
                value + price * vol);
    }
}
