package com.primejennie.kissim.market;

import java.time.LocalDate;

/** One trading day of one stock, as the daily charts and the investor-flow table report it. */
public record DailyBar(LocalDate date, long open, long high, long low, long close, long volume, long value,
                       long prevClose) {
}
