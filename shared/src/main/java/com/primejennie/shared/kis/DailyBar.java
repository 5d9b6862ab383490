package com.primejennie.shared.kis;

import java.time.LocalDate;

/** One day (or week, month) of a stock's price history, oldest first in lists. */
public record DailyBar(LocalDate date, long open, long high, long low, long close, long volume) {
}
