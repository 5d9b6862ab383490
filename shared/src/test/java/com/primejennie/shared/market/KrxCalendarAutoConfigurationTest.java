package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KrxCalendarAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KrxCalendarAutoConfiguration.class));

    @Test
    void defaultsGiveTheKrxCalendarWithTheKnownExamDays() {
        runner.run(context -> {
            TradingCalendar calendar = context.getBean(TradingCalendar.class);
            assertThat(context.getBean(KrxSessionRules.class)).isEqualTo(KrxSessionRules.defaults());
            assertThat(calendar.sessionClose(LocalDate.of(2026, 11, 19)).toLocalTime()).hasToString("16:30");
        });
    }

    @Test
    void sessionRulesBindFromProperties() {
        runner.withPropertyValues("jennie.calendar.exam-days=2027-11-18",
                        "jennie.calendar.extra-holidays=2026-02-12,2026-02-13", "jennie.calendar.first-day-open=09:30")
                .run(context -> {
                    TradingCalendar calendar = context.getBean(TradingCalendar.class);
                    assertThat(calendar.sessionOpen(LocalDate.of(2027, 11, 18)).toLocalTime()).hasToString("10:00");
                    assertThat(calendar.sessionOpen(LocalDate.of(2026, 11, 19)).toLocalTime()).hasToString("09:00");
                    assertThat(calendar.isTradingDay(LocalDate.of(2026, 2, 13))).isFalse();
                    assertThat(calendar.sessionOpen(LocalDate.of(2026, 1, 2)).toLocalTime()).hasToString("09:30");
                });
    }

    @Test
    void aBadRuleFailsStartUpNamingIt() {
        runner.withPropertyValues("jennie.calendar.exam-days=2026-11-21").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("2026-11-21");
        });
    }

    @Test
    void anAppsOwnCalendarWins() {
        TradingCalendar own = KrxCalendar.bundled(KrxSessionRules.defaults());
        runner.withBean(TradingCalendar.class, () -> own)
                .run(context -> assertThat(context.getBean(TradingCalendar.class)).isSameAs(own));
        assertThat(own.isMarketOpen(LocalDateTime.parse("2026-02-11T10:00").atZone(MarketClock.KST).toInstant()))
                .isTrue();
    }
}
