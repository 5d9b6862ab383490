package com.primejennie.shared.kis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.testing.RealServices;

import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixtures for the KIS client and broker, shared with kis-sim's client tests through the test-jar: a real Redis
 * template on this JVM's leased database, a settable clock, a notifier that records, and properties pointing at a
 * fake or simulated KIS.
 */
public final class KisTestKit implements AutoCloseable {

    public static final String APP_KEY = "PSabcdefghijklmnopqrstuvwxyz0123456";
    public static final String APP_SECRET = "test-app-secret";
    public static final String ACCOUNT = "50012345";

    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate redis;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T01:00:00Z")); // 10:00 KST Monday
    private final RecordingNotifier notifier = new RecordingNotifier();

    public KisTestKit() {
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(endpoint.host(),
                endpoint.port());
        configuration.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(configuration);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        redis.afterPropertiesSet();
    }

    public StringRedisTemplate redis() {
        return redis;
    }

    public JsonMapper json() {
        return json;
    }

    public SettableClock clock() {
        return clock;
    }

    public RecordingNotifier notifier() {
        return notifier;
    }

    /** Deletes the KIS and broker keys this suite writes (never the whole database, never db 0). */
    public void clearKisKeys() {
        for (String pattern : List.of("kis:token:*", "kis:ratelimit:*", "broker:*")) {
            var keys = redis.keys(pattern);
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
    }

    /** Paper-mode properties against {@code baseUrl}, with short timeouts and back-offs for tests. */
    public static KisProperties properties(String baseUrl, int requestsPerSecond) {
        return properties(baseUrl, requestsPerSecond, APP_KEY, APP_SECRET, ACCOUNT);
    }

    /** As {@link #properties(String, int)} for another app key and account. */
    public static KisProperties properties(String baseUrl, int requestsPerSecond, String appKey, String appSecret,
                                           String account) {
        KisProperties defaults = KisProperties.defaults();
        KisProperties.Server paper = defaults.paper().withBaseUrl(baseUrl)
                .withAccount(appKey, appSecret, account, requestsPerSecond);
        KisProperties.Server real = defaults.real().withBaseUrl(baseUrl)
                .withAccount(appKey, appSecret, account, requestsPerSecond);
        return new KisProperties(real, paper, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10),
                null, 3, Duration.ofMillis(20), null, new KisProperties.Breaker(4, 4, 50, Duration.ofSeconds(30), 1));
    }

    public KisComponents components(KisProperties properties, KisMode mode) {
        return KisComponents.create(properties, mode, redis, json, clock, notifier);
    }

    @Override
    public void close() {
        factory.destroy();
    }

    /** A clock a test moves by hand. */
    public static final class SettableClock implements MarketClock {
        private final AtomicReference<Instant> now;

        public SettableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        public void set(Instant instant) {
            now.set(instant);
        }

        public void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }
    }

    /** Keeps every message instead of sending it. */
    public static final class RecordingNotifier implements Notifier {
        private final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public boolean send(String text) {
            messages.add(text);
            return true;
        }

        public List<String> messages() {
            return messages;
        }
    }
}
