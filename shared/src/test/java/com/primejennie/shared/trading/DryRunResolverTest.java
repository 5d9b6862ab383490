package com.primejennie.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.trading.DryRunResolver.Source;

/** The one dry-run answer: flag, else env DRY_RUN, else the profile's default; unknown = on. */
class DryRunResolverTest {

    private static TestRedis redis;
    private final InstantSource realTime = new InstantSource() {
        private Instant now = Instant.parse("2026-02-11T01:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(2); // every read is past the cache lifetime
            return now;
        }
    };
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
        redis.template.delete("trading:dryrun");
        flags = new TradingFlags(redis.template, new ManualMarketClock(Instant.parse("2026-02-11T01:00:00Z")),
                realTime, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** stored: null = no key; profile default: mock/paper false, real true. */
    static Stream<Arguments> table() {
        String on = "{\"value\":true,\"reason\":\"\",\"set_at\":\"2026-02-11T00:00:00+00:00\"}";
        String off = "{\"value\":false,\"reason\":\"\",\"set_at\":\"2026-02-11T00:00:00+00:00\"}";
        return Stream.of(
                // profile defaults alone
                Arguments.of("mock/paper, nothing set", null, null, false, false, Source.PROFILE_DEFAULT),
                Arguments.of("real, nothing set: on until turned off", null, null, true, true, Source.PROFILE_DEFAULT),
                // env beats the profile default
                Arguments.of("real, DRY_RUN=false", null, "false", true, false, Source.ENVIRONMENT),
                Arguments.of("paper, DRY_RUN=true", null, "true", false, true, Source.ENVIRONMENT),
                Arguments.of("blank DRY_RUN is unset", null, " ", true, true, Source.PROFILE_DEFAULT),
                // the flag beats both (QUIRK fixed: /dryrun off overrides DRY_RUN=true, no OR)
                Arguments.of("flag off beats DRY_RUN=true", off, "true", true, false, Source.FLAG),
                Arguments.of("flag on beats DRY_RUN=false", on, "false", false, true, Source.FLAG),
                Arguments.of("flag off beats real default", off, null, true, false, Source.FLAG),
                Arguments.of("Python bare true counts as set", "true", "false", false, true, Source.FLAG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void resolvesFlagThenEnvThenProfileDefault(String label, String stored, String env, boolean profileDefault,
                                               boolean expected, Source source) {
        if (stored != null) {
            redis.template.opsForValue().set("trading:dryrun", stored);
        }
        DryRunResolver resolver = new DryRunResolver(flags, env, profileDefault);

        assertThat(resolver.state()).isEqualTo(new DryRunResolver.State(expected, source));
        assertThat(resolver.isActive()).isEqualTo(expected);
    }

    @Test
    void operatorTurnsRealDryRunOffThroughTheFlagWriter() {
        DryRunResolver resolver = new DryRunResolver(flags, null, true);
        assertThat(resolver.isActive()).isTrue();

        flags.setDryRun(false, "/dryrun off", null);
        assertThat(resolver.isActive()).isFalse();
        flags.clear(TradingFlagName.DRY_RUN);
        assertThat(resolver.isActive()).isTrue();
    }

    @Test
    void answersOnWhenTheFlagCannotBeReadEvenIfEnvSaysOff() {
        DryRunResolver resolver = new DryRunResolver(flags, "false", false);
        redis.server.stop();

        assertThat(resolver.state()).isEqualTo(new DryRunResolver.State(true, Source.FAIL_SAFE));
    }

    @Test
    void answersOnWhenTheFlagHoldsGarbage() {
        redis.template.opsForValue().set("trading:dryrun", "[1,2]");

        assertThat(new DryRunResolver(flags, "false", false).state().source()).isEqualTo(Source.FAIL_SAFE);
    }

    @Test
    void rejectsAnUnreadableDryRunVariableAtStartUp() {
        assertThatThrownBy(() -> new DryRunResolver(flags, "maybe", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DRY_RUN").hasMessageContaining("maybe");
    }

    @Test
    void withoutAProfileTheRealAccountDefaultsToOn() {
        assertThat(DryRunResolver.defaultFor("REAL")).isTrue();
        assertThat(DryRunResolver.defaultFor("MOCK")).isFalse();
        assertThat(DryRunResolver.defaultFor(null)).isFalse();
    }
}
