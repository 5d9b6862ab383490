package com.primejennie.shared.kis;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day of a KRX index (points, two decimals), oldest first in lists. */
public record IndexBar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                       long volume) {
}
