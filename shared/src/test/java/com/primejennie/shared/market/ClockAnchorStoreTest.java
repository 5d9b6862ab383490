package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.testing.RealServices;

/** The shared simulation anchor in a real Redis (this JVM's leased logical database). */
class ClockAnchorStoreTest {

    private static final String KEY = "jennie:clock";
    private static final Instant START = Instant.parse("2026-02-11T00:00:00Z");
    private static final Clock T0 = Clock.fixed(Instant.parse("2026-11-26T05:00:00.123Z"), ZoneOffset.UTC);
    private static final Clock T1 = Clock.fixed(Instant.parse("2026-11-26T05:00:09.999Z"), ZoneOffset.UTC);

    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private ClockAnchorStore store;

    @BeforeAll
    static void connect() {
        RealServices.RedisEndpoint endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void close() {
        factory.destroy();
    }

    @BeforeEach
    void clean() {
        redis.delete(KEY);
        store = new ClockAnchorStore(redis, KEY);
    }

    @Test
    void theFirstProcessCreatesTheAnchorAndALaterOneJoinsItToTheMillisecond() {
        SimulationAnchor first = store.join(START, null, T0);
        SimulationAnchor second = new ClockAnchorStore(redis, KEY).join(START, null, T1);

        assertThat(second).isEqualTo(first);
        assertThat(first.anchor()).isEqualTo(T0.instant());
        Clock probe = Clock.fixed(Instant.parse("2026-11-26T05:01:00.124Z"), ZoneOffset.UTC);
        assertThat(new SimulatedMarketClock(first, probe).instant())
                .isEqualTo(new SimulatedMarketClock(second, probe).instant())
                .isEqualTo(Instant.parse("2026-02-11T00:01:00.001Z"));
        assertThat(redis.opsForValue().get(KEY))
                .isEqualTo("{\"start\":\"2026-02-11T00:00:00Z\",\"anchor\":\"2026-11-26T05:00:00.123Z\",\"speed\":1.0}");
    }

    @Test
    void aFollowerWithoutStartAdoptsTheRunningSimulationIncludingItsSpeed() {
        store.publish(START, 30.0, T0);
        ClockProperties follower = new ClockProperties(ClockProperties.Mode.SIMULATED, null, null, null, false, null, null);
        MarketClock clock = MarketClockFactory.create(follower, () -> new ClockAnchorStore(redis, KEY), T1);
        assertThat(((SimulatedMarketClock) clock).anchor()).isEqualTo(new SimulationAnchor(START, T0.instant(), 30.0));
    }

    @Test
    void aFollowerFailsWhenNoSimulationRuns() {
        assertThatThrownBy(() -> store.join(null, null, T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No simulation is running");
    }

    @Test
    void joiningWithAnotherStartOrSpeedFailsInsteadOfRunningASecondClock() {
        store.join(START, 1.0, T0);
        assertThatThrownBy(() -> store.join(START.plusSeconds(3600), null, T1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jennie.clock.publish=true");
        assertThatThrownBy(() -> store.join(START, 10.0, T1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void publishRestartsTheSimulation() {
        store.join(START, null, T0);
        SimulationAnchor restarted = store.publish(START.plusSeconds(86_400), 1.0, T1);
        assertThat(store.read()).isEqualTo(restarted);
        assertThat(restarted.anchor()).isEqualTo(T1.instant());
    }

    @Test
    void publishingThroughTheFactoryReplacesAnotherRunningSimulation() {
        store.join(START, null, T0);
        ClockProperties restart = new ClockProperties(null, "2026-02-12T09:00:00", null, null, true, null, null);
        MarketClock clock = MarketClockFactory.create(restart, () -> new ClockAnchorStore(redis, KEY), T1);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-02-12T00:00:00Z"));
        assertThat(store.read().anchor()).isEqualTo(T1.instant());
    }

    @Test
    void aCorruptKeyIsReportedWithItsValue() {
        redis.opsForValue().set(KEY, "yesterday");
        assertThatThrownBy(() -> store.read()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yesterday").hasMessageContaining(KEY);
    }
}
