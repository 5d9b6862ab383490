package com.primejennie.shared.kis;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One minute bar of today's chart (inquire-time-itemchartprice). {@code close} comes from KIS's {@code stck_prpr}
 * (the chart has no {@code stck_clpr}) and {@code volume} is the bar's own {@code cntg_vol}, not the day's cumulative.
 */
public record MinuteBar(LocalDate date, LocalTime time, long open, long high, long low, long close, long volume) {
}
