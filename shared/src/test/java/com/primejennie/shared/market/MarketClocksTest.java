package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketClocksTest {

    private static final Instant REAL_ANCHOR = Instant.parse("2026-11-26T04:50:00.123Z");
    private static final Instant SIM_START = Instant.parse("2026-02-11T00:00:00Z"); // 09:00 KST

    @ParameterizedTest(name = "speed {0}: real +{1} ms -> simulated +{2} ms")
    @CsvSource({"1, 0, 0", "1, 1, 1", "1, 61234, 61234", "1, -5000, -5000", "60, 1000, 60000", "0.5, 1000, 500",
            "2.5, 4, 10"})
    void simulatedTimeIsALinearMapOfRealTimeFromTheAnchor(double speed, long realMillis, long simulatedMillis) {
        Clock real = Clock.fixed(REAL_ANCHOR.plusMillis(realMillis), ZoneOffset.UTC);
        MarketClock clock = new SimulatedMarketClock(new SimulationAnchor(SIM_START, REAL_ANCHOR, speed), real);
        assertThat(clock.instant()).isEqualTo(SIM_START.plusMillis(simulatedMillis));
    }

    @Test
    void twoProcessesWithTheSameAnchorReadTheSameInstantWhenStartedAtDifferentTimes() {
        SimulationAnchor anchor = new SimulationAnchor(SIM_START, REAL_ANCHOR, 1.0);
        Instant later = REAL_ANCHOR.plus(Duration.ofMinutes(7).plusMillis(3));
        MarketClock first = new SimulatedMarketClock(anchor, Clock.fixed(later, ZoneOffset.UTC));
        MarketClock second = new SimulatedMarketClock(anchor, Clock.fixed(later, ZoneOffset.UTC));
        assertThat(first.instant()).isEqualTo(second.instant())
                .isEqualTo(SIM_START.plus(Duration.ofMinutes(7).plusMillis(3)));
        assertThat(first.now().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-02-11T09:07:00.003"));
    }

    @Test
    void systemClockReadsItsSource() {
        Instant t = Instant.parse("2026-02-11T06:30:00Z");
        MarketClock clock = new SystemMarketClock(Clock.fixed(t, ZoneOffset.UTC));
        assertThat(clock.now().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-02-11T15:30:00"));
        assertThat(clock.nowUtcNaive()).isEqualTo(LocalDateTime.parse("2026-02-11T06:30:00"));
        assertThat(clock.today()).hasToString("2026-02-11");
    }

    @Test
    void asClockStaysLiveAfterWithZone() {
        ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.parse("2026-02-11T09:00:00"));
        Clock utc = clock.asClock().withZone(ZoneOffset.UTC);
        clock.advance(Duration.ofSeconds(90));
        assertThat(utc.instant()).isEqualTo(Instant.parse("2026-02-11T00:01:30Z"));
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.asClock().getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    }

    @Test
    void manualClockRefusesToAdvanceBackwards() {
        ManualMarketClock clock = new ManualMarketClock(SIM_START);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "NaN", "Infinity"})
    void rejectsANonPositiveOrNonFiniteSpeed(double speed) {
        assertThatThrownBy(() -> new SimulationAnchor(SIM_START, REAL_ANCHOR, speed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
    }
}
