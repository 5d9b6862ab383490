package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@link MarketClock} bean every app gets, and how configuration changes it. */
class MarketClockAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MarketClockAutoConfiguration.class));

    @Test
    void providesTheSystemClockUnlessConfigured() {
        runner.run(context -> assertThat(context).getBean(MarketClock.class).isInstanceOf(SystemMarketClock.class));
    }

    @Test
    void providesASimulationFromStartAndAnchorProperties() {
        runner.withPropertyValues("jennie.clock.start=2026-02-11T09:00:00", "jennie.clock.anchor=2026-11-26T05:00:00Z")
                .run(context -> {
                    SimulatedMarketClock clock = context.getBean(SimulatedMarketClock.class);
                    assertThat(clock.anchor()).isEqualTo(new SimulationAnchor(
                            Instant.parse("2026-02-11T00:00:00Z"), Instant.parse("2026-11-26T05:00:00Z"), 1.0));
                });
    }

    @Test
    void aSimulationThatNeedsRedisFailsStartUpWithoutIt() {
        runner.withPropertyValues("jennie.clock.start=2026-02-11T09:00:00").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("needs Redis"));
    }

    @Test
    void anAppsOwnClockWins() {
        ManualMarketClock own = new ManualMarketClock(Instant.parse("2026-02-11T00:00:00Z"));
        runner.withBean(MarketClock.class, () -> own)
                .run(context -> assertThat(context.getBean(MarketClock.class)).isSameAs(own));
    }
}
