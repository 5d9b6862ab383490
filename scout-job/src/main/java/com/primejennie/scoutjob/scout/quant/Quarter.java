package com.primejennie.scoutjob.scout.quant;

import java.time.LocalDate;

/** One quarter of financial ratios of one stock, a row of {@code FINANCIAL_METRICS_QUARTERLY}; fields may be null. */
public record Quarter(LocalDate quarterDate, Double roe, Double per, Double eps) {
}
