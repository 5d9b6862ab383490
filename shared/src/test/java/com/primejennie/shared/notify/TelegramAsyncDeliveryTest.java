package com.primejennie.shared.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.testing.RealServices;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AsyncNotifier} in front of the real {@link TelegramNotifier}, against a slow fake Bot API (MockWebServer
 * holding every answer until the test releases it): callers never wait on Telegram, delivery keeps the order, a full
 * queue drops only routine messages, and shutdown drains for a bounded time.
 */
class TelegramAsyncDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LettuceConnectionFactory redisFactory;
    private static StringRedisTemplate redis;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private MockWebServer telegram;
    private SimpleMeterRegistry meters;
    private AsyncNotifier notifier;

    @BeforeAll
    static void connectRedis() {
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        redisFactory = new LettuceConnectionFactory(config);
        redisFactory.afterPropertiesSet();
        redisFactory.start();
        redis = new StringRedisTemplate(redisFactory);
    }

    @AfterAll
    static void disconnectRedis() {
        redisFactory.destroy();
    }

    @BeforeEach
    void startSlowTelegram() throws IOException {
        telegram = new MockWebServer();
        telegram.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) throws InterruptedException {
                firstArrived.countDown();
                release.await(60, TimeUnit.SECONDS); // a Bot API that does not answer until the test says so
                String text = JSON.readTree(request.getBody().readUtf8()).get("text").asString();
                delivered.add(text);
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"ok\":true,\"result\":{\"message_id\":1}}");
            }
        });
        telegram.start();
        meters = new SimpleMeterRegistry();
        redis.delete("notification:mute");
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (notifier != null) {
            notifier.close();
        }
        telegram.shutdown();
    }

    private AsyncNotifier notifier(int capacity, Duration drainTimeout) {
        TelegramProperties properties = new TelegramProperties(URI.create(telegram.url("/").toString()), "tok",
                "123", Duration.ofSeconds(30), "notification:mute");
        ManualMarketClock clock = ManualMarketClock.atKst(java.time.LocalDateTime.parse("2026-02-12T10:30"));
        TelegramNotifier telegramNotifier = new TelegramNotifier(properties,
                new MuteSwitch(redis, "notification:mute", clock), meters);
        notifier = new AsyncNotifier(telegramNotifier, new NotifyQueueProperties(capacity, drainTimeout), meters);
        return notifier;
    }

    private double dropped(String reason) {
        return meters.get("jennie.notifications.dropped").tag("reason", reason).counter().count();
    }

    @Test
    void theCallerReturnsWhileTelegramHasNotAnsweredAndTheMessageIsDeliveredAfterwards() throws Exception {
        AsyncNotifier async = notifier(10, Duration.ofSeconds(5));

        assertThat(async.sendCritical("🚨 주문 상태 불명")).as("queued").isTrue();
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).as("the sender reached Telegram").isTrue();
        assertThat(async.send("📉 매도 체결")).as("a second caller while Telegram still hangs").isTrue();
        assertThat(delivered).as("Telegram has answered nothing yet").isEmpty();

        release.countDown();
        assertThat(async.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(delivered).containsExactly("🚨 주문 상태 불명", "📉 매도 체결");
        assertThat(meters.get("jennie.notifications").tag("outcome", "sent").counter().count()).isEqualTo(2.0);
    }

    @Test
    void deliversInTheOrderTheMessagesWereQueued() throws Exception {
        AsyncNotifier async = notifier(50, Duration.ofSeconds(5));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = "메시지 " + i;
            texts.add(text);
            if (i % 3 == 0) {
                async.sendCritical(text);
            } else {
                async.send(text);
            }
        }

        release.countDown();
        assertThat(async.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(delivered).containsExactlyElementsOf(texts);
    }

    @Test
    void aFullQueueDropsTheOldestRoutineMessageAndNeverACriticalOne() throws Exception {
        AsyncNotifier async = notifier(3, Duration.ofSeconds(5));
        async.send("in flight");
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue(); // the sender holds it; the queue is empty

        async.send("r1");
        async.sendCritical("c1");
        async.send("r2");               // full: r1 c1 r2
        async.send("r3");               // drops r1
        async.sendCritical("c2");       // drops r2
        async.sendCritical("c3");       // drops r3 -> c1 c2 c3
        boolean routineAccepted = async.send("r4"); // only critical ones wait: r4 itself is dropped
        boolean criticalAccepted = async.sendCritical("c4"); // accepted beyond the capacity

        assertThat(routineAccepted).isFalse();
        assertThat(criticalAccepted).isTrue();
        assertThat(dropped("overflow")).isEqualTo(4.0);
        release.countDown();
        assertThat(async.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(delivered).containsExactly("in flight", "c1", "c2", "c3", "c4");
    }

    @Test
    void shutdownDrainsForABoundedTimeAndCountsWhatIsLeft() throws Exception {
        AsyncNotifier async = notifier(10, Duration.ofMillis(300));
        async.send("stuck");
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue();
        async.send("waiting 1");
        async.sendCritical("waiting 2");

        async.close(); // Telegram never answers: close gives up after the drain timeout

        assertThat(dropped("shutdown")).isEqualTo(2.0);
        assertThat(async.send("after close")).isFalse();
    }

    @Test
    void shutdownDeliversWhatIsQueuedWhenTelegramAnswers() throws Exception {
        AsyncNotifier async = notifier(10, Duration.ofSeconds(20));
        release.countDown();
        async.send("마감 리포트 1");
        async.send("마감 리포트 2");

        async.close();

        assertThat(delivered).containsExactly("마감 리포트 1", "마감 리포트 2");
        assertThat(dropped("shutdown")).isZero();
    }

    @Test
    void withoutATokenNothingIsQueuedAndTheCallerIsToldAtOnce() {
        TelegramProperties properties = new TelegramProperties(URI.create(telegram.url("/").toString()), "", "",
                Duration.ofSeconds(5), "notification:mute");
        notifier = new AsyncNotifier(new TelegramNotifier(properties, new MuteSwitch(redis, "notification:mute",
                java.time.Instant::now), meters), NotifyQueueProperties.defaults(), meters);

        assertThat(notifier.send("x")).isFalse();
        assertThat(notifier.queued()).isZero();
        assertThat(telegram.getRequestCount()).isZero();
    }
}
