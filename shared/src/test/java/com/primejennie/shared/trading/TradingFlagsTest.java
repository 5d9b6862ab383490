package com.primejennie.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.market.ManualMarketClock;

/** The trading switches: no silent expiry, Python's TTL flags still read, short cache, fail-safe answers. */
class TradingFlagsTest {

    private static TestRedis redis;

    private final AtomicReference<Instant> realNow = new AtomicReference<>(Instant.parse("2026-02-11T01:00:00Z"));
    private final InstantSource realTime = realNow::get;
    private final ManualMarketClock clock = new ManualMarketClock(Instant.parse("2026-02-11T01:00:00Z"));
    private TradingFlags flags;

    @BeforeAll
    static void startRedis() {
        redis = new TestRedis();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void fresh() {
        redis.ensureUp();
        redis.template.delete(java.util.List.of("trading:pause", "trading:stop", "trading:dryrun"));
        flags = new TradingFlags(redis.template, clock, realTime, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private long ttlSeconds(String key) {
        return redis.template.getExpire(key, TimeUnit.SECONDS);
    }

    static Stream<Arguments> durations() {
        return Stream.of(Arguments.of(null, -1L, -1L), Arguments.of(Duration.ofHours(2), 7190L, 7200L),
                Arguments.of(Duration.ofMinutes(30), 1790L, 1800L));
    }

    @ParameterizedTest(name = "duration {0}")
    @MethodSource("durations")
    void flagsCarryNoTtlUnlessTheOperatorGivesADuration(Duration given, long minTtl, long maxTtl) {
        for (TradingFlagName name : TradingFlagName.values()) {
            flags.set(name, true, "test", given);
            assertThat(ttlSeconds(name.key())).as(name.key()).isBetween(minTtl, maxTtl);
        }
    }

    @Test
    void emergencyStopNeverExpiresUnlikeThePython24hFlag() {
        flags.stop("긴급 중지");

        assertThat(ttlSeconds("trading:stop")).isEqualTo(-1);
        assertThat(ttlSeconds("trading:pause")).isEqualTo(-1);
        assertThat(flags.isStopped()).isTrue();
        assertThat(flags.isPaused()).isTrue();
        assertThat(flags.read(TradingFlagName.STOP))
                .isEqualTo(new TradingFlag(true, "긴급 중지", "2026-02-11T01:00:00+00:00"));
    }

    @Test
    void rewritingAPythonFlagWithoutDurationDropsItsTtl() {
        redis.template.opsForValue().set("trading:pause", "{\"value\":true,\"reason\":\"py\",\"set_at\":null}",
                TradingFlag.PYTHON_TTL);

        flags.pause("operator", null);

        assertThat(ttlSeconds("trading:pause")).isEqualTo(-1);
    }

    @Test
    void readsAFlagThePythonSuiteWroteWithItsTtl() {
        redis.template.opsForValue().set("trading:pause",
                "{\"value\":true,\"reason\":\"사용자 요청\",\"set_at\":\"2026-02-10T23:00:00.123456+00:00\"}",
                TradingFlag.PYTHON_TTL);

        assertThat(flags.isPaused()).isTrue();
        assertThat(flags.read(TradingFlagName.PAUSE).reason()).isEqualTo("사용자 요청");
        assertThat(flags.remaining(TradingFlagName.PAUSE)).hasValueSatisfying(
                left -> assertThat(left).isBetween(Duration.ofHours(23), Duration.ofHours(24)));
        assertThat(flags.buysHalted()).isTrue();
    }

    @Test
    void readsThePlainTrueOfPythonsDeploySafetyAsAPause() {
        redis.template.opsForValue().set("trading:pause", "true");

        assertThat(flags.buysHalted()).isTrue();
    }

    @Test
    void resumeWritesExplicitFalseForPauseAndStop() {
        flags.stop("x");
        flags.resume("operator");

        assertThat(flags.find(TradingFlagName.STOP)).hasValueSatisfying(f -> {
            assertThat(f.value()).isFalse();
            assertThat(f.isSet()).isTrue();
        });
        assertThat(flags.buysHalted()).isFalse();
        assertThat(flags.automaticExitsHalted()).isFalse();
    }

    @Test
    void clearMakesTheFlagAbsent() {
        flags.setDryRun(false, "operator", null);
        assertThat(flags.clear(TradingFlagName.DRY_RUN)).isTrue();

        assertThat(flags.find(TradingFlagName.DRY_RUN)).isEmpty();
        assertThat(redis.template.hasKey("trading:dryrun")).isFalse();
    }

    @Test
    void readsAreCachedForTheCacheLifetimeOnRealTime() {
        assertThat(flags.isPaused()).isFalse();
        redis.template.opsForValue().set("trading:pause", "true"); // another process pauses

        assertThat(flags.isPaused()).as("within the cache lifetime").isFalse();
        clock.advance(Duration.ofHours(1)); // market time does not expire the cache: it is machinery
        assertThat(flags.isPaused()).isFalse();
        realNow.set(realNow.get().plusMillis(1001));
        assertThat(flags.isPaused()).isTrue();
    }

    @Test
    void redisDownUsesARecentReadThenFailsSafeHaltingBuysKeepingExits() {
        flags.resume("ok");
        realNow.set(realNow.get().plusSeconds(2));
        assertThat(flags.buysHalted()).isFalse();
        redis.server.stop();

        realNow.set(realNow.get().plusSeconds(5));
        assertThat(flags.buysHalted()).as("read 5 s ago, within the stale limit").isFalse();

        realNow.set(realNow.get().plusSeconds(60));
        assertThat(flags.buysHalted()).as("unknown: buys halted").isTrue();
        assertThat(flags.automaticExitsHalted()).as("unknown: exits kept").isFalse();
        assertThatThrownBy(() -> flags.find(TradingFlagName.PAUSE))
                .isInstanceOf(TradingFlagsUnavailableException.class).hasMessageContaining("trading:pause");
    }

    @Test
    void aValueThatIsNotAFlagHaltsBuys() {
        redis.template.opsForValue().set("trading:stop", "maybe");

        assertThat(flags.buysHalted()).isTrue();
        assertThatThrownBy(flags::isStopped).isInstanceOf(TradingFlagsUnavailableException.class)
                .hasMessageContaining("trading:stop").hasMessageContaining("maybe");
    }

    @Test
    void refusesANonPositiveDuration() {
        assertThatThrownBy(() -> flags.pause("x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
