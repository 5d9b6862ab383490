package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KrxCalendarTest {

    private final KrxCalendar calendar = KrxCalendar.bundled(KrxSessionRules.defaults());

    private static ZonedDateTime kst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MarketClock.KST);
    }

    /** Every closed weekday of ../shared/fixtures/krx-holidays.csv, written out independently of the loader. */
    @ParameterizedTest(name = "{0} {1} is closed")
    @CsvSource({
            "2025-01-01, 1월 1일", "2025-01-27, 임시공휴일", "2025-01-28, 설날 전날", "2025-01-29, 설날",
            "2025-01-30, 설날 다음 날", "2025-03-03, 대체공휴일(3ㆍ1절)", "2025-05-01, 근로자의 날 (KRX 휴장)",
            "2025-05-05, 어린이날 / 부처님 오신 날", "2025-05-06, 대체공휴일(부처님 오신 날)",
            "2025-06-03, 임시공휴일(대통령선거)", "2025-06-06, 현충일", "2025-08-15, 광복절", "2025-10-03, 개천절",
            "2025-10-06, 추석", "2025-10-07, 추석 다음 날", "2025-10-08, 대체공휴일(추석)", "2025-10-09, 한글날",
            "2025-12-25, 기독탄신일", "2025-12-31, 연말 휴장일 (KRX)",
            "2026-01-01, 1월 1일", "2026-02-16, 설날 전날", "2026-02-17, 설날", "2026-02-18, 설날 다음 날",
            "2026-03-02, 대체공휴일(3ㆍ1절)", "2026-05-01, 노동절", "2026-05-05, 어린이날",
            "2026-05-25, 대체공휴일(부처님 오신 날)", "2026-06-03, 전국동시지방선거", "2026-07-17, 제헌절",
            "2026-08-17, 대체공휴일(광복절)", "2026-09-24, 추석 전날", "2026-09-25, 추석",
            "2026-10-05, 대체공휴일(개천절)", "2026-10-09, 한글날", "2026-12-25, 기독탄신일",
            "2026-12-31, 연말 휴장일 (KRX)",
            "2027-01-01, 1월 1일", "2027-02-08, 설날 다음 날", "2027-02-09, 대체공휴일(설날)", "2027-03-01, 3ㆍ1절",
            "2027-05-03, 대체공휴일(노동절)", "2027-05-05, 어린이날", "2027-05-13, 부처님 오신 날",
            "2027-07-19, 대체공휴일(제헌절)", "2027-08-16, 대체공휴일(광복절)", "2027-09-14, 추석 전날",
            "2027-09-15, 추석", "2027-09-16, 추석 다음 날", "2027-10-04, 대체공휴일(개천절)",
            "2027-10-11, 대체공휴일(한글날)", "2027-12-27, 대체공휴일(기독탄신일)", "2027-12-31, 연말 휴장일 (KRX)"})
    void everyListedHolidayIsClosedAllDay(LocalDate date, String name) {
        assertThat(calendar.isTradingDay(date)).isFalse();
        assertThat(calendar.session(date)).isEmpty();
        assertThat(calendar.closedReason(date)).contains(name);
        assertThat(calendar.isMarketOpen(date.atTime(11, 0).atZone(MarketClock.KST).toInstant())).isFalse();
        assertThatThrownBy(() -> calendar.sessionOpen(date))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(date.toString()).hasMessageContaining(name);
    }

    @ParameterizedTest(name = "{0}: {1} trading days")
    @CsvSource({"2025, 242", "2026, 244", "2027, 245"})
    void weekendsAreClosedAndEveryOtherUnlistedWeekdayTrades(int year, int tradingDays) {
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend) {
                assertThat(calendar.isTradingDay(d)).as("%s", d).isFalse();
                assertThat(calendar.closedReason(d)).as("%s", d).contains("weekend");
            }
            if (calendar.isTradingDay(d)) {
                count++;
            }
        }
        assertThat(count).isEqualTo(tradingDays);
    }

    @ParameterizedTest(name = "{0}: {1}-{2}")
    @CsvSource({
            "2026-02-11, 09:00, 15:30",   // a regular Wednesday
            "2025-01-02, 10:00, 15:30",   // first trading day of 2025 opens an hour late
            "2026-01-02, 10:00, 15:30",   // first trading day of 2026 (Friday after New Year)
            "2027-01-04, 10:00, 15:30",   // first trading day of 2027 is a Monday (Jan 1 Friday, then weekend)
            "2026-01-05, 09:00, 15:30",   // the second trading day is regular again
            "2025-11-13, 10:00, 16:30",   // 수능 for 2026 admissions
            "2026-11-19, 10:00, 16:30",   // 수능 for 2027 admissions
            "2027-11-18, 09:00, 15:30",   // not configured as an exam day (the ministry has not announced it)
            "2025-12-30, 09:00, 15:30"})  // last trading day of the year closes as usual
    void sessionHoursIncludeTheConfiguredExceptions(LocalDate date, LocalTime open, LocalTime close) {
        assertThat(calendar.sessionOpen(date)).isEqualTo(date.atTime(open).atZone(MarketClock.KST));
        assertThat(calendar.sessionClose(date)).isEqualTo(date.atTime(close).atZone(MarketClock.KST));
    }

    @ParameterizedTest(name = "{0} KST open={1}")
    @CsvSource({
            "2026-02-11T08:59:59.999, false", "2026-02-11T09:00, true", "2026-02-11T15:29:59.999, true",
            "2026-02-11T15:30, false", "2026-02-11T23:00, false",
            "2026-01-02T09:30, false", "2026-01-02T10:00, true", "2026-01-02T15:30, false",
            "2025-11-13T09:30, false", "2025-11-13T10:00, true", "2025-11-13T16:29:59, true", "2025-11-13T16:30, false",
            "2026-11-19T15:45, true",
            "2026-02-14T10:00, false", "2026-02-17T10:00, false", "2025-12-31T10:00, false"})
    void marketIsOpenOnlyInsideTheHalfOpenSession(String kstTime, boolean open) {
        assertThat(calendar.isMarketOpen(kst(kstTime).toInstant())).isEqualTo(open);
    }

    @Test
    void openingIsDecidedInKoreaTimeNotUtc() {
        assertThat(calendar.isMarketOpen(java.time.Instant.parse("2026-02-11T00:00:00Z"))).isTrue();
        assertThat(calendar.isMarketOpen(java.time.Instant.parse("2026-02-10T23:59:59Z"))).isFalse();
        assertThat(calendar.isMarketOpen(java.time.Instant.parse("2026-02-11T06:30:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "after {0} KST -> {1}")
    @CsvSource({
            "2026-02-11T08:59, 2026-02-11T09:00",   // before today's open: today
            "2026-02-11T09:00, 2026-02-12T09:00",   // strictly after: at the open, the next one is tomorrow's
            "2026-02-11T12:00, 2026-02-12T09:00",   // during the session
            "2026-02-13T15:30, 2026-02-19T09:00",   // Friday close, weekend and 설날 (16-18)
            "2026-02-14T12:00, 2026-02-19T09:00",   // Saturday
            "2025-05-04T09:00, 2025-05-07T09:00",   // Sunday, then 어린이날 and its substitute
            "2025-10-02T16:00, 2025-10-10T09:00",   // 개천절, weekend, 추석 run and 한글날
            "2025-12-30T15:31, 2026-01-02T10:00",   // year end: closing day, New Year, first-day late open
            "2026-12-30T16:00, 2027-01-04T10:00",   // year end into a weekend
            "2026-11-18T20:00, 2026-11-19T10:00",   // exam day opens late
            "2026-11-19T10:00, 2026-11-20T09:00"})
    void nextOpenSkipsWeekendsHolidaysAndYearEnds(String after, String expected) {
        assertThat(calendar.nextOpen(kst(after).toInstant())).isEqualTo(kst(expected));
    }

    @ParameterizedTest(name = "{0}: next {1}, previous {2}")
    @CsvSource({"2026-02-13, 2026-02-19, 2026-02-12", "2026-01-02, 2026-01-05, 2025-12-30",
            "2025-10-10, 2025-10-13, 2025-10-02", "2026-02-15, 2026-02-19, 2026-02-13"})
    void nextAndPreviousTradingDayAreStrict(LocalDate date, LocalDate next, LocalDate previous) {
        assertThat(calendar.nextTradingDay(date)).isEqualTo(next);
        assertThat(calendar.previousTradingDay(date)).isEqualTo(previous);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-12-31", "2028-01-03"})
    void failsFastOutsideTheYearsTheHolidayListCovers(LocalDate date) {
        assertThat(calendar.firstSupportedDate()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(calendar.lastSupportedDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThatThrownBy(() -> calendar.isTradingDay(date)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(date.toString()).hasMessageContaining("krx-holidays.csv");
    }

    @Test
    void nextOpenPastTheLastCoveredYearFailsInsteadOfGuessing() {
        assertThatThrownBy(() -> calendar.nextOpen(kst("2027-12-30T16:00").toInstant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2028-01-01");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> calendar.isTradingDay(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> calendar.isMarketOpen(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> calendar.nextOpen(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void configuredExamDaysAndExtraHolidaysApply() {
        KrxSessionRules d = KrxSessionRules.defaults();
        KrxSessionRules rules = new KrxSessionRules(d.open(), d.close(), d.firstDayOpen(), d.examDayOpen(),
                d.examDayClose(), List.of(LocalDate.of(2027, 11, 18)), List.of(LocalDate.of(2026, 2, 12)));
        KrxCalendar custom = KrxCalendar.bundled(rules);

        assertThat(custom.sessionClose(LocalDate.of(2027, 11, 18))).isEqualTo(kst("2027-11-18T16:30"));
        assertThat(custom.sessionOpen(LocalDate.of(2025, 11, 13))).isEqualTo(kst("2025-11-13T09:00"));
        assertThat(custom.isTradingDay(LocalDate.of(2026, 2, 12))).isFalse();
        assertThat(custom.closedReason(LocalDate.of(2026, 2, 12)).orElseThrow()).contains("extra-holidays");
        assertThat(custom.nextOpen(kst("2026-02-11T15:30").toInstant())).isEqualTo(kst("2026-02-13T09:00"));
    }

    @Test
    void anExamDayOnAClosedDayIsAConfigurationError() {
        KrxSessionRules d = KrxSessionRules.defaults();
        KrxSessionRules rules = new KrxSessionRules(d.open(), d.close(), d.firstDayOpen(), d.examDayOpen(),
                d.examDayClose(), List.of(LocalDate.of(2026, 11, 21)), List.of());
        assertThatThrownBy(() -> KrxCalendar.bundled(rules)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-21").hasMessageContaining("weekend");
    }

    @Test
    void sessionHoursOutOfOrderAreAConfigurationError() {
        KrxSessionRules d = KrxSessionRules.defaults();
        assertThatThrownBy(() -> new KrxSessionRules(LocalTime.of(15, 30), LocalTime.of(9, 0), d.firstDayOpen(),
                d.examDayOpen(), d.examDayClose(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jennie.calendar.open/close");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "date,name,reason\\n2026-13-01,bad,x|line 2",
            "date,name,reason\\n2026-02-17,설날,x\\n2026-02-17,설날,x|duplicate date",
            "when,what\\n2026-02-17,설날|expected header",
            "date,name,reason\\n|lists no holidays"})
    void aMalformedHolidayListNamesTheLine(String csv, String message) {
        assertThatThrownBy(() -> KrxCalendar.parse(
                new ByteArrayInputStream(csv.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)), "test.csv",
                KrxSessionRules.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void holidayDataIsImmutableFromOutside() {
        java.util.HashMap<LocalDate, String> source = new java.util.HashMap<>(Map.of(LocalDate.of(2026, 2, 17), "설날"));
        KrxCalendar own = new KrxCalendar(source, 2026, 2026, KrxSessionRules.defaults());
        source.put(LocalDate.of(2026, 2, 11), "late edit");
        assertThat(own.isTradingDay(LocalDate.of(2026, 2, 11))).isTrue();
    }
}
