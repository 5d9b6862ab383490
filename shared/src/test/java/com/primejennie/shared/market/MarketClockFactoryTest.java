package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which clock the {@code jennie.clock.*} properties select, without Redis where none is needed. */
class MarketClockFactoryTest {

    private static final Clock REAL = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);

    private static ClockAnchorStore noRedis() {
        throw new AssertionError("Redis must not be consulted");
    }

    @Test
    void unconfiguredIsTheSystemClock() {
        ClockProperties props = new ClockProperties(null, null, null, null, false, null, null);
        assertThat(props.mode()).isEqualTo(ClockProperties.Mode.SYSTEM);
        assertThat(props.redisKey()).isEqualTo("jennie:clock");
        assertThat(MarketClockFactory.create(props, MarketClockFactoryTest::noRedis, REAL))
                .isInstanceOf(SystemMarketClock.class);
    }

    @ParameterizedTest(name = "start {0} -> {1}")
    @CsvSource({
            "2026-02-11T09:00, 2026-02-11T00:00:00Z",
            "2026-02-11T09:00:00+09:00, 2026-02-11T00:00:00Z",
            "2026-02-11T00:00:00Z, 2026-02-11T00:00:00Z",
            "2026-02-11T09:00:00.250, 2026-02-11T00:00:00.250Z"})
    void startAndAnchorGivenAsPropertiesNeedNoRedis(String start, String expected) {
        ClockProperties props = new ClockProperties(null, start, "2026-11-26T05:00:00Z", null, false, null, null);
        MarketClock clock = MarketClockFactory.create(props, MarketClockFactoryTest::noRedis, REAL);
        assertThat(clock.instant()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aConfiguredSpeedRunsFromTheConfiguredAnchor() {
        ClockProperties props = new ClockProperties(null, "2026-02-11T09:00", "2026-11-26T04:59:00Z", 60.0, false, null, null);
        MarketClock clock = MarketClockFactory.create(props, MarketClockFactoryTest::noRedis, REAL);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-02-11T01:00:00Z"));
    }

    @Test
    void malformedStartNamesThePropertyAndValue() {
        ClockProperties props = new ClockProperties(null, "11/02/2026 9am", "2026-11-26T05:00:00Z", null, false, null, null);
        assertThatThrownBy(() -> MarketClockFactory.create(props, MarketClockFactoryTest::noRedis, REAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jennie.clock.start").hasMessageContaining("11/02/2026 9am");
    }

    @Test
    void anchorWithoutStartIsRejected() {
        ClockProperties props = new ClockProperties(null, null, "2026-11-26T05:00:00Z", null, false, null, null);
        assertThatThrownBy(() -> MarketClockFactory.create(props, MarketClockFactoryTest::noRedis, REAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jennie.clock.start");
    }

    @Test
    void badSpeedNamesTheProperty() {
        assertThatThrownBy(() -> new ClockProperties(null, "2026-02-11T09:00", null, -2.0, false, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jennie.clock.speed");
    }
}
