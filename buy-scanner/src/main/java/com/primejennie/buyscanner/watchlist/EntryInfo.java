package com.primejennie.buyscanner.watchlist;

import java.time.LocalDate;

/**
 * When a stock entered the watchlist and its close that day (spec §2.2 "DIP_BUY entry cache"), used by DIP_BUY and
 * the conviction entry.
 *
 * @param entryPrice          close on the entry date; {@code null} when the daily price is missing
 * @param tradingDaysSinceEntry KRX trading days from the entry date to today (0 = entered today)
 */
public record EntryInfo(LocalDate entryDate, Double entryPrice, int tradingDaysSinceEntry) {
}
