package com.primejennie.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.testing.ClosableTcpProxy;
import com.primejennie.shared.testing.RealServices;

/**
 * Start-up joins the shared market clock even when Redis answers only a while later (the compose crash loop of
 * issue 22), and still fails at once when waiting cannot help.
 */
class AnchorJoinTest {

    private static final SimulationAnchor ANCHOR = new SimulationAnchor(Instant.parse("2026-03-04T00:00:00Z"),
            Instant.parse("2026-12-02T03:00:00Z"), 10.0);
    private final List<Duration> pauses = new ArrayList<>();
    private final AnchorJoin.Sleeper recording = pauses::add;

    @Test
    void retriesWhileRedisDoesNotAnswerWithGrowingPauses() {
        AtomicInteger calls = new AtomicInteger();
        SimulationAnchor joined = AnchorJoin.untilRedisAnswers(() -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new RedisConnectionFailureException("Unable to connect to 127.0.0.1:6379");
            }
            if (n < 5) {
                throw new QueryTimeoutException("Redis command timed out");
            }
            return ANCHOR;
        }, "jennie:clock", Duration.ofSeconds(120), recording);

        assertThat(joined).isEqualTo(ANCHOR);
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void pausesNeverGrowBeyondFiveSeconds() {
        AtomicInteger calls = new AtomicInteger();
        AnchorJoin.untilRedisAnswers(() -> {
            if (calls.incrementAndGet() < 8) {
                throw new RedisConnectionFailureException("refused");
            }
            return ANCHOR;
        }, "jennie:clock", Duration.ofSeconds(120), recording);

        assertThat(pauses).endsWith(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void givesUpAfterTheJoinTimeoutNamingKeyAndProperty() {
        assertThatThrownBy(() -> AnchorJoin.untilRedisAnswers(() -> {
            throw new RedisConnectionFailureException("Unable to connect to redis:6379");
        }, "jennie:clock", Duration.ofSeconds(10), recording))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jennie:clock").hasMessageContaining("PT10S")
                .hasMessageContaining("jennie.clock.join-timeout").hasMessageContaining("Unable to connect");
        // 0.5 + 1 + 2 + 4 = 7.5 s waited; the next 5 s pause would pass 10 s
        assertThat(pauses).hasSize(4);
    }

    @Test
    void aDisagreementFailsAtOnceWithoutWaiting() {
        assertThatThrownBy(() -> AnchorJoin.untilRedisAnswers(() -> {
            throw new IllegalStateException("A different simulation is running under jennie:clock");
        }, "jennie:clock", Duration.ofSeconds(120), recording))
                .hasMessageContaining("different simulation");
        assertThat(pauses).isEmpty();
    }

    /** A real Redis behind a proxy that refuses connections for the first second and a half of start-up. */
    @Test
    void joinsTheSharedClockOnceRedisStartsAnswering() throws Exception {
        RealServices.RedisEndpoint redis = RealServices.redis();
        try (ClosableTcpProxy proxy = new ClosableTcpProxy(redis.host(), redis.port())) {
            proxy.cut();
            RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", proxy.port());
            config.setDatabase(redis.database());
            LettuceConnectionFactory factory = new LettuceConnectionFactory(config,
                    LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
            factory.afterPropertiesSet();
            factory.start();
            try {
                StringRedisTemplate template = new StringRedisTemplate(factory);
                String key = "jennie:clock:join-test";
                Thread opener = new Thread(() -> {
                    try {
                        Thread.sleep(1_500);
                        proxy.open();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                opener.start();
                ClockProperties props = new ClockProperties(null, "2026-03-04T09:00:00+09:00", null, 10.0, false,
                        key, Duration.ofSeconds(60));
                Clock real = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

                MarketClock clock = MarketClockFactory.create(props, () -> new ClockAnchorStore(template, key), real);
                opener.join();

                assertThat(((SimulatedMarketClock) clock).anchor()).isEqualTo(ANCHOR);
                assertThat(template.opsForValue().get(key)).contains("2026-03-04T00:00:00Z");
                template.delete(key);
            } finally {
                factory.destroy();
            }
        }
    }
}
