package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The KRX phases of {@link TradingCalendar#phaseAt}: every phase includes its start and excludes its end, so each row
 * pairs the first instant of a phase with the last instant before it.
 */
class KrxTradingPhaseTest {

    private final KrxCalendar calendar = KrxCalendar.bundled(KrxSessionRules.defaults());

    private static ZonedDateTime kst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MarketClock.KST);
    }

    @ParameterizedTest(name = "{0} KST -> {1}")
    @CsvSource({
            // a regular Thursday
            "2026-11-26T08:29:59.999, CLOSED",
            "2026-11-26T08:30,        PRE_OPEN",
            "2026-11-26T08:59:59.999, PRE_OPEN",
            "2026-11-26T09:00,        CONTINUOUS",
            "2026-11-26T15:19:59.999, CONTINUOUS",
            "2026-11-26T15:20,        CLOSING_AUCTION",
            "2026-11-26T15:29:59.999, CLOSING_AUCTION",
            "2026-11-26T15:30,        CLOSED",
            "2026-11-26T15:39:59.999, CLOSED",
            "2026-11-26T15:40,        AFTER_HOURS",
            "2026-11-26T17:59:59.999, AFTER_HOURS",
            "2026-11-26T18:00,        CLOSED",
            // first trading day of 2026 opens at 10:00: the opening auction and continuous start move, the close stays
            "2026-01-02T09:00,        CLOSED",
            "2026-01-02T09:29:59.999, CLOSED",
            "2026-01-02T09:30,        PRE_OPEN",
            "2026-01-02T09:59:59.999, PRE_OPEN",
            "2026-01-02T10:00,        CONTINUOUS",
            "2026-01-02T15:20,        CLOSING_AUCTION",
            "2026-01-02T15:40,        AFTER_HOURS",
            // exam day (수능) 10:00-16:30: every phase one hour later
            "2026-11-19T08:30,        CLOSED",
            "2026-11-19T09:30,        PRE_OPEN",
            "2026-11-19T10:00,        CONTINUOUS",
            "2026-11-19T15:25,        CONTINUOUS",
            "2026-11-19T16:19:59.999, CONTINUOUS",
            "2026-11-19T16:20,        CLOSING_AUCTION",
            "2026-11-19T16:30,        CLOSED",
            "2026-11-19T16:40,        AFTER_HOURS",
            "2026-11-19T18:59:59.999, AFTER_HOURS",
            "2026-11-19T19:00,        CLOSED",
            // closed days
            "2026-12-25T10:00,        CLOSED",
            "2026-11-28T10:00,        CLOSED",
    })
    void phaseAtFollowsTheDaysSessionWithHalfOpenEdges(String localDateTime, TradingPhase expected) {
        ZonedDateTime at = kst(localDateTime);

        assertThat(calendar.phaseAt(at)).isEqualTo(expected);
        assertThat(calendar.phaseAt(at.toInstant())).isEqualTo(expected);
    }

    @Test
    void aTimeInAnotherZoneIsJudgedInKoreaTime() {
        ZonedDateTime utc = ZonedDateTime.of(2026, 11, 26, 6, 25, 0, 0, ZoneOffset.UTC); // 15:25 KST

        assertThat(calendar.phaseAt(utc)).isEqualTo(TradingPhase.CLOSING_AUCTION);
        assertThat(calendar.isMarketOpen(utc.toInstant())).as("the regular session includes the auction").isTrue();
    }

    @Test
    void onlyTheContinuousSessionExpectsTrades() {
        assertThat(List.of(TradingPhase.values())).filteredOn(TradingPhase::isContinuous)
                .containsExactly(TradingPhase.CONTINUOUS);
    }

    @Test
    void theSessionCarriesItsPhaseBoundaries() {
        TradingSession s = calendar.requireSession(LocalDate.of(2026, 11, 26));

        assertThat(s.preOpen()).isEqualTo(kst("2026-11-26T08:30"));
        assertThat(s.open()).isEqualTo(kst("2026-11-26T09:00"));
        assertThat(s.closingAuction()).isEqualTo(kst("2026-11-26T15:20"));
        assertThat(s.close()).isEqualTo(kst("2026-11-26T15:30"));
        assertThat(s.afterHoursOpen()).isEqualTo(kst("2026-11-26T15:40"));
        assertThat(s.afterHoursClose()).isEqualTo(kst("2026-11-26T18:00"));
    }

    @Test
    void auctionLengthsAreConfigurable() {
        KrxSessionRules d = KrxSessionRules.defaults();
        KrxSessionRules rules = new KrxSessionRules(d.open(), d.close(), d.firstDayOpen(), d.examDayOpen(),
                d.examDayClose(), d.examDays(), d.extraHolidays(), Duration.ofMinutes(60), Duration.ofMinutes(5),
                Duration.ZERO, Duration.ofMinutes(30));
        KrxCalendar custom = KrxCalendar.bundled(rules);

        assertThat(custom.phaseAt(kst("2026-11-26T08:00"))).isEqualTo(TradingPhase.PRE_OPEN);
        assertThat(custom.phaseAt(kst("2026-11-26T15:22"))).isEqualTo(TradingPhase.CONTINUOUS);
        assertThat(custom.phaseAt(kst("2026-11-26T15:25"))).isEqualTo(TradingPhase.CLOSING_AUCTION);
        assertThat(custom.phaseAt(kst("2026-11-26T15:30"))).isEqualTo(TradingPhase.AFTER_HOURS);
        assertThat(custom.phaseAt(kst("2026-11-26T16:00"))).isEqualTo(TradingPhase.CLOSED);
    }

    @Test
    void aClosingAuctionLongerThanTheSessionIsAConfigurationError() {
        KrxSessionRules d = KrxSessionRules.defaults();
        KrxSessionRules rules = new KrxSessionRules(d.open(), d.close(), d.firstDayOpen(), d.examDayOpen(),
                d.examDayClose(), d.examDays(), d.extraHolidays(), null, Duration.ofHours(8), null, null);

        assertThatThrownBy(() -> KrxCalendar.bundled(rules)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
    }

    @Test
    void theSessionRulesKeepTheirDefaultsWhenTheAuctionsAreNotConfigured() {
        KrxSessionRules rules = new KrxSessionRules(LocalTime.of(9, 0), LocalTime.of(15, 30), LocalTime.of(10, 0),
                LocalTime.of(10, 0), LocalTime.of(16, 30), List.of(), List.of());

        assertThat(rules.preOpenAuction()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.closingAuction()).isEqualTo(Duration.ofMinutes(10));
        assertThat(rules.afterHoursGap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(rules.afterHours()).isEqualTo(Duration.ofMinutes(140));
    }
}
