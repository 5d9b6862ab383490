package com.primejennie.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.MarketClock;

class CronScheduleTest {

    private final CronSchedule schedule = new CronSchedule(KrxCalendar.bundled(KrxSessionRules.defaults()));

    private static Instant kst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MarketClock.KST).toInstant();
    }

    @Test
    void weekdayHourlyCronFiresAt0830To1430KstOnTradingDaysOnlyAcrossSeollalAndAWeekend() {
        // Fri 2026-02-13 trades; Sat/Sun 14-15; 설날 16-18 (Mon-Wed) closed; Thu 2026-02-19 trades.
        List<Instant> fires = schedule.firesBetween(CronSchedule.parse("30 8-14 * * 1-5"), true,
                kst("2026-02-13T00:00:00"), kst("2026-02-19T23:59:00"));

        List<Instant> expected = new java.util.ArrayList<>();
        for (String day : List.of("2026-02-13", "2026-02-19")) {
            for (int hour = 8; hour <= 14; hour++) {
                expected.add(kst(day + "T%02d:30:00".formatted(hour)));
            }
        }
        assertThat(fires).containsExactlyElementsOf(expected);
    }

    @Test
    void withoutTheTradingDayFlagTheSameCronAlsoFiresOnTheHolidayWeekdays() {
        List<Instant> fires = schedule.firesBetween(CronSchedule.parse("30 8-14 * * 1-5"), false,
                kst("2026-02-13T00:00:00"), kst("2026-02-19T23:59:00"));

        assertThat(fires).hasSize(5 * 7).contains(kst("2026-02-17T08:30:00")).doesNotContain(
                kst("2026-02-14T08:30:00"));
    }

    @Test
    void cronMeansKoreaTimeNotUtcFixingTheIntervalDefect() {
        // Python turned this cron into a 1800 s interval firing around the clock (spec §2.3); here 23:30 never fires.
        List<Instant> fires = schedule.firesBetween(CronSchedule.parse("*/30 8-15 * * 1-5"), true,
                kst("2026-03-10T23:00:00"), kst("2026-03-11T09:00:00"));

        assertThat(fires).containsExactly(kst("2026-03-11T08:00:00"), kst("2026-03-11T08:30:00"),
                kst("2026-03-11T09:00:00"));
    }

    @Test
    void nextSkipsAHolidayToTheNextTradingDay() {
        assertThat(schedule.next(CronSchedule.parse("0 8 * * 1-5"), true, kst("2026-02-13T09:00:00")))
                .contains(kst("2026-02-19T08:00:00"));
    }

    @Test
    void aFireWithinTheGraceIsOnTimeAndOlderOnesAreMissed() {
        var cron = CronSchedule.parse("30 8-14 * * 1-5");

        var onTime = schedule.plan(cron, true, kst("2026-03-09T08:29:00"), kst("2026-03-09T08:30:30"),
                Duration.ofSeconds(60), Duration.ofDays(7));
        var afterDowntime = schedule.plan(cron, true, kst("2026-03-09T08:00:00"), kst("2026-03-09T11:45:00"),
                Duration.ofSeconds(60), Duration.ofDays(7));

        assertThat(onTime.onTime()).isEqualTo(kst("2026-03-09T08:30:00"));
        assertThat(onTime.missed()).isEmpty();
        assertThat(afterDowntime.onTime()).isNull();
        assertThat(afterDowntime.missed()).containsExactly(kst("2026-03-09T08:30:00"), kst("2026-03-09T09:30:00"),
                kst("2026-03-09T10:30:00"), kst("2026-03-09T11:30:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30 8-14 * * 1-5", "*/5 9-15 * * 1-5", "0 18 * * 1-5", "0 3 * * 0", "@hourly"})
    void acceptsPythonFiveFieldCron(String cron) {
        assertThat(CronSchedule.parse(cron)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 30 8-14 * * 1-5|5개 필드",
            "30 8-14 * *|5개 필드",
            "61 8 * * 1-5|올바른 cron 식이 아닙니다",
            "30 25 * * *|올바른 cron 식이 아닙니다",
            "every hour please|5개 필드"})
    void rejectsWhatIsNotAFiveFieldCronNamingIt(String cron, String reason) {
        assertThatThrownBy(() -> CronSchedule.parse(cron)).isInstanceOf(InvalidCronException.class)
                .hasMessageContaining(reason).hasMessageContaining(cron);
    }
}
