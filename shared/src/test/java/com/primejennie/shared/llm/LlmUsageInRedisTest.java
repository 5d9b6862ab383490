package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.testing.RealServices;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockWebServer;

/** The usage hash in the real Redis (this JVM's leased database), written by real calls to a fake vLLM. */
class LlmUsageInRedisTest {

    /** 2026-02-13 23:30 UTC is already 2026-02-14 08:30 in Seoul: the day the key must carry. */
    private static final Instant EARLY_KST_MORNING = Instant.parse("2026-02-13T23:30:00Z");
    private static final LocalDate KST_DAY = LocalDate.of(2026, 2, 14);

    private final MockWebServer vllm = new MockWebServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private LettuceConnectionFactory factory;
    private StringRedisTemplate redis;
    private RedisUsageStore store;
    private TieredLlmClient client;

    @BeforeEach
    void start() throws IOException {
        RealServices.flushRedis();
        RealServices.RedisEndpoint endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        redis = new StringRedisTemplate(factory);
        MarketClock clock = () -> EARLY_KST_MORNING;
        store = new RedisUsageStore(redis, clock);
        vllm.start();
        LlmUsageRecorder both = usage -> {
            store.record(usage);
            new MicrometerUsageMetrics(meters).record(usage);
        };
        LlmProperties properties = new LlmProperties(vllm.url("/v1").toString(), null, null, null, null, null,
                VllmFixtures.fastRetry(1), null);
        client = new TieredLlmClient(properties, both, VllmFixtures.MAPPER);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        vllm.shutdown();
        factory.destroy();
    }

    @Test
    @DisplayName("[QUIRK fixed] the usage key carries the KST date, not the container's UTC date")
    void localVllmCallsAreCountedUnderTheKoreanDateAndService() {
        vllm.enqueue(VllmFixtures.singleNews());
        vllm.enqueue(VllmFixtures.chat("요약", 1001, 702));
        ResponseSchema schema = ResponseSchema.of("sentiment", VllmFixtures.SENTIMENT_SCHEMA);

        client.generateJson(LlmTier.FAST, "뉴스", schema, LlmOptions.forService("news_analysis"));
        client.generate(LlmTier.FAST, "뉴스 묶음", LlmOptions.forService("news_analysis"));

        String key = "llm:stats:2026-02-14:news_analysis";
        assertThat(RedisUsageStore.key(KST_DAY, "news_analysis")).isEqualTo(key);
        Map<Object, Object> hash = redis.opsForHash().entries(key);
        assertThat(hash).containsExactlyInAnyOrderEntriesOf(Map.of(
                "calls", "2", "tokens_in", String.valueOf(284 + 1001), "tokens_out", String.valueOf(46 + 702)));
        assertThat(redis.hasKey("llm:stats:2026-02-13:news_analysis")).as("not the UTC date").isFalse();
        Long ttl = redis.getExpire(key);
        assertThat(ttl).isBetween(Duration.ofDays(7).minusMinutes(1).toSeconds(), Duration.ofDays(7).toSeconds());
        assertThat(store.read(KST_DAY, "news_analysis")).isEqualTo(new RedisUsageStore.Totals(2, 1285, 748));
    }

    @Test
    void callsWithoutServiceTagAreCountedAsUnknown() {
        vllm.enqueue(VllmFixtures.chat("ok", 7, 2));

        client.generate(LlmTier.THINKING, "안녕", LlmOptions.defaults());

        assertThat(store.today("unknown")).isEqualTo(new RedisUsageStore.Totals(1, 7, 2));
    }

    @Test
    void micrometerCountsCallsTokensAndLatencyPerTierAndModel() {
        vllm.enqueue(VllmFixtures.singleNews());

        client.generate(LlmTier.FAST, "뉴스", LlmOptions.forService("scout"));

        String model = "LGAI-EXAONE/EXAONE-4.0-32B-AWQ";
        assertThat(meters.get("jennie.llm.calls").tags("tier", "FAST", "model", model, "outcome", "success")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("jennie.llm.tokens").tags("tier", "FAST", "model", model, "direction", "in")
                .counter().count()).isEqualTo(284.0);
        assertThat(meters.get("jennie.llm.tokens").tags("direction", "out").counter().count()).isEqualTo(46.0);
        assertThat(meters.get("jennie.llm.latency").tags("tier", "FAST", "model", model).timer().count())
                .isEqualTo(1);
    }

    @Test
    void aFailedHttpCallWritesNoTokensButIsCountedAsFailureInMetrics() {
        vllm.enqueue(VllmFixtures.overflow());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> client.generate(LlmTier.FAST, "가".repeat(8000), LlmOptions.forService("scout")))
                .isInstanceOf(ContextOverflowException.class);

        assertThat(redis.hasKey(RedisUsageStore.key(KST_DAY, "scout"))).isFalse();
        assertThat(meters.get("jennie.llm.calls").tags("outcome", "failure").counter().count()).isEqualTo(1.0);
    }

    @Test
    void redisOutageNeverFailsTheCall() {
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        dead.afterPropertiesSet();
        RedisUsageStore broken = new RedisUsageStore(new StringRedisTemplate(dead), () -> EARLY_KST_MORNING);

        try {
            org.assertj.core.api.Assertions.assertThatCode(() -> broken.record(
                    new LlmUsage("scout", "FAST", "vllm", "m", 1, 1, Duration.ZERO, true)))
                    .doesNotThrowAnyException();
        } finally {
            dead.destroy();
        }
    }
}
