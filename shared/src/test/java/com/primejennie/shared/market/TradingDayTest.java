package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "Today" for daily limits and reports: the KRX trading day in KST, across UTC and KST midnights and closed days. */
class TradingDayTest {

    private static final TradingCalendar KRX = KrxCalendar.bundled(KrxSessionRules.defaults());

    static Stream<Arguments> moments() {
        return Stream.of(
                Arguments.of("Wed 23:59:59 KST", "2026-02-11T14:59:59Z", "20260211"),
                Arguments.of("Thu 00:00 KST rolls over (UTC still Wed)", "2026-02-11T15:00:00Z", "20260212"),
                // The Python day was the UTC date: 08:00 KST Thursday was still Wednesday, so the daily buy limit
                // reset at 09:00 KST, in the session. Here the session's day has begun at 00:00 KST.
                Arguments.of("Thu 08:00 KST, pre-open, UTC date Wed", "2026-02-11T23:00:00Z", "20260212"),
                Arguments.of("Thu 09:00 KST = UTC midnight: no roll-over", "2026-02-12T00:00:00Z", "20260212"),
                Arguments.of("Thu 09:30 KST, in session", "2026-02-12T00:30:00Z", "20260212"),
                Arguments.of("Thu 23:00 KST, after hours", "2026-02-12T14:00:00Z", "20260212"),
                Arguments.of("Fri 16:00 KST after the close", "2026-02-13T07:00:00Z", "20260213"),
                Arguments.of("Sat noon KST: still Friday", "2026-02-14T03:00:00Z", "20260213"),
                Arguments.of("설날 (Tue): still Friday", "2026-02-17T03:00:00Z", "20260213"),
                Arguments.of("설날 다음 날 23:59:59 KST: still Friday", "2026-02-18T14:59:59Z", "20260213"),
                Arguments.of("Thu after 설날 00:00 KST", "2026-02-18T15:00:00Z", "20260219"),
                Arguments.of("Year-end closing day 2026-12-31: Wed 30th", "2026-12-31T03:00:00Z", "20261230"),
                Arguments.of("New Year's Day 2027", "2027-01-01T03:00:00Z", "20261230"),
                Arguments.of("Sun 23:59 KST 2027-01-03", "2027-01-03T14:59:00Z", "20261230"),
                Arguments.of("Mon 00:00 KST 2027-01-04", "2027-01-03T15:00:00Z", "20270104"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moments")
    void todayIsTheKrxTradingDayInKoreaTime(String label, String utc, String expectedKey) {
        ManualMarketClock clock = new ManualMarketClock(Instant.parse(utc));
        TradingDay day = new TradingDay(clock, KRX);

        assertThat(day.todayKey()).isEqualTo(expectedKey);
        assertThat(day.today()).isEqualTo(TradingDay.parseKey(expectedKey));
        assertThat(KRX.isTradingDay(day.today())).isTrue();
        assertThat(day.window(day.today()).contains(Instant.parse(utc))).isTrue();
    }

    @Test
    void aTradingDaysWindowRunsFromItsKstMidnightToTheNextTradingDays() {
        TradingDay day = new TradingDay(new ManualMarketClock(Instant.parse("2026-02-13T01:00:00Z")), KRX);

        TradingDay.Window friday = day.window(LocalDate.parse("2026-02-13"));
        assertThat(friday.start()).isEqualTo(Instant.parse("2026-02-12T15:00:00Z"));
        assertThat(friday.end()).isEqualTo(Instant.parse("2026-02-18T15:00:00Z"));
        assertThat(day.windowUtcNaive(LocalDate.parse("2026-02-12")))
                .isEqualTo(new TradingDay.WindowUtcNaive(LocalDate.parse("2026-02-12"),
                        LocalDateTime.parse("2026-02-11T15:00:00"), LocalDateTime.parse("2026-02-12T15:00:00")));
    }

    @Test
    void aClosedDayHasNoWindowAndKeysAreValidated() {
        TradingDay day = new TradingDay(new ManualMarketClock(Instant.parse("2026-02-13T01:00:00Z")), KRX);

        assertThatThrownBy(() -> day.window(LocalDate.parse("2026-02-14")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-02-14");
        assertThatThrownBy(() -> TradingDay.parseKey("2026-02-13"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yyyyMMdd");
        assertThat(TradingDay.key(LocalDate.parse("2026-02-03"))).isEqualTo("20260203");
    }
}
