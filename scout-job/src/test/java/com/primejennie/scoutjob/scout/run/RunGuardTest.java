package com.primejennie.scoutjob.scout.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.MarketClock;

/** The run guard on the KRX calendar (the Python guard knew weekends only) and the 07:00-16:00 KST window. */
class RunGuardTest {

    private final RunGuard guard = new RunGuard(KrxCalendar.bundled(KrxSessionRules.defaults()), false);

    @ParameterizedTest(name = "{0} KST → runs {1}")
    @CsvSource({
            "2026-03-04T10:00,true",   // Wednesday
            "2026-03-04T07:00,true",
            "2026-03-04T06:59,false",
            "2026-03-04T15:59,true",
            "2026-03-04T16:00,false",
            "2026-03-07T10:00,false",  // Saturday
            "2026-03-02T10:00,false",  // Monday, substitute holiday for 삼일절 (KRX closed)
            "2026-12-31T10:00,false"}) // year-end closing day
    void runsOnlyOnKrxTradingDaysInsideTheWindow(LocalDateTime kst, boolean runs) {
        assertThat(guard.refuse(kst.atZone(MarketClock.KST)).isEmpty()).isEqualTo(runs);
    }

    @ParameterizedTest(name = "{0} KST with the check disabled → runs")
    @CsvSource({"2026-03-07T10:00", "2026-03-04T23:00"})
    void disabledCheckRunsAlways(LocalDateTime kst) {
        RunGuard off = new RunGuard(KrxCalendar.bundled(KrxSessionRules.defaults()), true);
        assertThat(off.refuse(kst.atZone(MarketClock.KST))).isEmpty();
    }
}
