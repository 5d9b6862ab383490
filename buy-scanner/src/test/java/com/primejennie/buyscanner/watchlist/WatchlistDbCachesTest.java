package com.primejennie.buyscanner.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;

/** Days since a watchlist entry count KRX trading days (upstream), not calendar days or weekdays. */
class WatchlistDbCachesTest {

    private final WatchlistDbCaches caches = new WatchlistDbCaches(null, KrxCalendar.bundled(KrxSessionRules.defaults()));

    @ParameterizedTest(name = "{0} -> {1}: {2} trading days")
    @CsvSource({"2026-02-11,2026-02-11,0", "2026-02-11,2026-02-12,1", "2026-02-13,2026-02-19,1",
            "2026-02-12,2026-02-19,2", "2026-02-06,2026-02-09,1", "2026-02-19,2026-02-11,0"})
    void countsTradingDaysSkippingWeekendsAndSeollal(LocalDate from, LocalDate to, int days) {
        assertThat(caches.tradingDaysBetween(from, to)).isEqualTo(days);
    }
}
