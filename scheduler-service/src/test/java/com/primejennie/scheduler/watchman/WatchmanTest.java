package com.primejennie.scheduler.watchman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.notify.MuteSwitch;
import com.primejennie.shared.notify.TelegramNotifier;
import com.primejennie.shared.notify.TelegramProperties;
import com.primejennie.shared.testing.RealServices;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The watchman over real HTTP (a fake {@code /actuator/health} per service), real Redis, and the real Telegram
 * notifier talking to a fake Bot API: one alert when price-monitor has been DOWN for more than a minute, one when it
 * returns, nothing else.
 */
class WatchmanTest {

    private static final LocalDateTime MONDAY_1000 = LocalDateTime.parse("2026-03-09T10:00:00");

    private HttpServer services;
    private HttpServer telegram;
    private final Map<String, String[]> health = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private LettuceConnectionFactory factory;
    private StringRedisTemplate redis;
    private ManualMarketClock clock;

    @BeforeEach
    void start() throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String name : List.of("price-monitor", "sell-executor")) {
            health.put(name, up());
            services.createContext("/" + name + "/actuator/health", exchange -> {
                String[] answer = health.get(name);
                respond(exchange, Integer.parseInt(answer[0]), answer[1]);
            });
        }
        services.start();
        telegram = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        telegram.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            sent.add(WireJson.mapper().readTree(body).path("text").asString());
            respond(exchange, 200, "{\"ok\":true,\"result\":{}}");
        });
        telegram.start();
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        redis = new StringRedisTemplate(factory);
        redis.delete(List.of(Watchman.STATE_KEY, "notification:mute"));
        var claims = redis.keys(Watchman.CHECK_CLAIM_PREFIX + "*");
        if (claims != null) {
            redis.delete(claims);
        }
        clock = ManualMarketClock.atKst(MONDAY_1000);
    }

    @AfterEach
    void stop() {
        services.stop(0);
        telegram.stop(0);
        factory.destroy();
    }

    private static String[] up() {
        return new String[]{"200", """
                {"status":"UP","components":{"db":{"status":"UP"},"redis":{"status":"UP"},"feed":{"status":"UP"}}}"""};
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Watchman watchman() {
        return watchman(Map.of());
    }

    private Watchman watchman(Map<String, String> heartbeats) {
        String base = "http://127.0.0.1:" + services.getAddress().getPort() + "/";
        WatchmanProperties properties = new WatchmanProperties(true, Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Map.of("price-monitor", URI.create(base + "price-monitor"),
                "sell-executor", URI.create(base + "sell-executor")), heartbeats,
                List.of("price-monitor", "sell-executor", "feed"), "price-monitor");
        TelegramProperties telegramProperties = new TelegramProperties(
                URI.create("http://127.0.0.1:" + telegram.getAddress().getPort()), "TEST-TOKEN", "4242",
                Duration.ofSeconds(5), "notification:mute");
        TelegramNotifier notifier = new TelegramNotifier(telegramProperties,
                new MuteSwitch(redis, "notification:mute", clock), new SimpleMeterRegistry());
        return new Watchman(properties, new HealthProbe(properties, redis), redis, notifier,
                KrxCalendar.bundled(KrxSessionRules.defaults()), clock);
    }

    private void minuteLater(Watchman... watchmen) {
        clock.advance(Duration.ofMinutes(1));
        for (Watchman w : watchmen) {
            w.tick();
        }
    }

    @Test
    void alertsOnceWhenPriceMonitorIsDownForMoreThanAMinuteAndOnceWhenItReturns() {
        Watchman watchman = watchman();
        watchman.tick();
        assertThat(sent).isEmpty();

        health.put("price-monitor", new String[]{"503", """
                {"status":"DOWN","components":{"db":{"status":"DOWN"},"redis":{"status":"UP"},"feed":{"status":"UP"}}}"""});
        minuteLater(watchman);
        assertThat(sent).as("down for less than a minute").isEmpty();
        minuteLater(watchman);
        minuteLater(watchman);
        minuteLater(watchman);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("price-monitor").contains("중단").contains("db=DOWN")
                .contains("매도 경로");

        health.put("price-monitor", up());
        minuteLater(watchman);
        minuteLater(watchman);
        minuteLater(watchman);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).contains("price-monitor").contains("복구");
        assertThat(String.join("\n", sent)).doesNotContain("sell-executor").doesNotContain("feed");
    }

    @Test
    void anUnreachablePriceMonitorAlertsEvenWhenTheOperatorMutedNotifications() {
        redis.opsForValue().set("notification:mute", "{\"until\": " + (clock.instant().getEpochSecond() + 3600)
                + ", \"set_at\": \"x\"}");
        Watchman watchman = watchman();
        services.stop(0); // nothing answers on the port any more: the exit path and the feed are all unreachable
        watchman.tick();
        minuteLater(watchman);

        assertThat(sent).hasSize(3)
                .anySatisfy(t -> assertThat(t).contains("price-monitor").contains("응답 없음"))
                .anySatisfy(t -> assertThat(t).contains("sell-executor").contains("응답 없음"))
                .anySatisfy(t -> assertThat(t).contains("실시간 시세(feed)"));
    }

    @Test
    void aSilentFeedIsItsOwnAlertNotAPriceMonitorOne() {
        Watchman watchman = watchman();
        health.put("price-monitor", new String[]{"503", """
                {"status":"DOWN","components":{"db":{"status":"UP"},"redis":{"status":"UP"},"feed":{"status":"DOWN"}}}"""});
        watchman.tick();
        minuteLater(watchman);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("실시간 시세(feed)").contains("손절");
    }

    @Test
    void twoSchedulerInstancesSendOneAlertPerOutage() {
        Watchman first = watchman();
        Watchman second = watchman();
        health.put("sell-executor", new String[]{"503", "{\"status\":\"DOWN\"}"});
        first.tick();
        second.tick();
        for (int i = 0; i < 4; i++) {
            minuteLater(first, second);
        }
        health.put("sell-executor", up());
        minuteLater(second, first);
        minuteLater(first, second);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).contains("sell-executor").contains("중단");
        assertThat(sent.get(1)).contains("sell-executor").contains("복구");
    }

    @Test
    void aMissingHeartbeatKeyIsADownTargetWithAnOrdinaryAlert() {
        redis.delete("monitoring:price_monitor");
        Watchman watchman = watchman(Map.of("price-monitor-heartbeat", "monitoring:price_monitor"));
        watchman.tick();
        minuteLater(watchman);
        redis.opsForValue().set("monitoring:price_monitor", "{\"status\":\"online\"}", Duration.ofSeconds(10));
        minuteLater(watchman);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).contains("price-monitor-heartbeat").contains("monitoring:price_monitor")
                .contains("확인이 필요합니다");
        assertThat(sent.get(1)).contains("price-monitor-heartbeat").contains("복구");
    }

    @Test
    void checksNothingOutsideMarketHours() {
        clock.setKst(LocalDateTime.parse("2026-03-09T16:00:00"));
        Watchman watchman = watchman();
        health.put("price-monitor", new String[]{"503", "{\"status\":\"DOWN\"}"});
        watchman.tick();
        for (int i = 0; i < 5; i++) {
            minuteLater(watchman);
        }
        clock.setKst(LocalDateTime.parse("2026-03-14T10:00:00")); // Saturday
        for (int i = 0; i < 5; i++) {
            minuteLater(watchman);
        }

        assertThat(sent).isEmpty();
    }
}
