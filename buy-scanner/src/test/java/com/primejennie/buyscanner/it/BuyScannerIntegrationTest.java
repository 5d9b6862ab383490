package com.primejennie.buyscanner.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import com.primejennie.buyscanner.pipeline.ScannerEngine;
import com.primejennie.buyscanner.pipeline.ScannerRuntime;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.testing.RealServices;
import com.primejennie.shared.testing.RealServicesTest;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.databind.JsonNode;

/**
 * The whole scanner on a real Redis and MariaDB: minute bars in {@code STOCK_MINUTE_PRICE} (the warm start when the
 * stock joins the hot watchlist), ticks on {@code kis:prices} → exactly one well-formed BuySignal on
 * {@code stream:buy-signals}, the cooldown, snapshot, history and dashboard event; nothing while paused, stopped or
 * outside market hours. The market clock is a {@link ManualMarketClock} on Wed 2026-02-11 (a KRX trading day).
 */
@SpringBootTest(properties = {"jennie.scanner.watchlist-poll=100ms", "jennie.scanner.flag-cache-ttl=50ms",
        "jennie.scanner.consumer-group=buy-scanner-it", "jennie.scanner.heartbeat-interval=200ms"})
@RealServicesTest
@DirtiesContext
class BuyScannerIntegrationTest {

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        ManualMarketClock marketClock() {
            return ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 11, 10, 28, 30));
        }
    }

    private static final AtomicLong VERSION = new AtomicLong(1_770_000_000L);
    private static final List<String> dashboardEvents = new CopyOnWriteArrayList<>();
    private static RedisClient pubSubClient;
    private static StatefulRedisPubSubConnection<String, String> pubSub;

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManualMarketClock clock;
    @Autowired
    ScannerEngine engine;
    @Autowired
    SchemaMigrator schema;

    @BeforeAll
    static void listenToTheDashboardChannel() {
        pubSubClient = RedisClient.create(RealServices.redis().url());
        pubSub = pubSubClient.connectPubSub();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                dashboardEvents.add(message);
            }
        });
        pubSub.sync().subscribe("dashboard:stream");
    }

    @AfterAll
    static void closePubSub() {
        pubSub.close();
        pubSubClient.shutdown();
    }

    @AfterEach
    void clearFlags() {
        redis.delete(List.of(TradingFlag.PAUSE_KEY, TradingFlag.STOP_KEY));
    }

    @Test
    void ticksOnKisPricesBecomeExactlyOneWellFormedBuySignal() throws Exception {
        String code = "005380";
        prepare(code, LocalTime.of(10, 28, 30));
        tick(code, 71_400, 500, "102830");
        tick(code, 71_400, 500, "102845");
        clock.setKst(LocalDateTime.of(2026, 2, 11, 10, 29, 1));
        tick(code, 71_600, 500, "102901");

        await(() -> signalsFor(code).size() == 1, "one buy signal for " + code);
        JsonNode payload = WireJson.mapper().readTree(signalsFor(code).get(0));
        JsonNode candidate = payload.get("candidates").get(0);
        assertThat(payload.get("candidates")).hasSize(1);
        assertThat(payload.get("source").asString()).isEqualTo("buy_scanner_websocket");
        assertThat(payload.get("market_regime").asString()).isEqualTo("SIDEWAYS");
        assertThat(payload.get("scan_timestamp").asString()).isEqualTo(WireTime.format(clock.instant()));
        assertThat(candidate.get("code").asString()).isEqualTo(code);
        assertThat(candidate.get("stock_code").asString()).isEqualTo(code);
        assertThat(candidate.get("name").asString()).isEqualTo("현대차");
        assertThat(candidate.get("stock_name").asString()).isEqualTo("현대차");
        assertThat(candidate.get("buy_signal_type").asString()).isEqualTo("MOMENTUM");
        assertThat(candidate.get("key_metrics_dict").get("signal").asString()).isEqualTo("MOMENTUM");
        assertThat(candidate.get("key_metrics_dict").get("reason").asString()).startsWith("Momentum=2.00%");
        assertThat(candidate.get("key_metrics_dict").get("source").asString()).isEqualTo("realtime_websocket");
        assertThat(candidate.get("current_price").asDouble()).isEqualTo(71_600.0);
        assertThat(candidate.get("llm_score").asDouble()).isEqualTo(60.0);
        assertThat(candidate.get("is_tradable").asBoolean()).isTrue();
        assertThat(candidate.has("trade_tier")).isTrue();
        assertThat(candidate.get("trade_tier").asString()).isEqualTo("TIER1");
        assertThat(candidate.get("is_super_prime").asBoolean()).isFalse();
        assertThat(candidate.get("factor_score").asDouble()).isEqualTo(500.0);
        JsonNode risk = candidate.get("risk_setting");
        assertThat(risk.get("position_size_ratio").asDouble()).isEqualTo(1.0);
        assertThat(risk.get("stop_loss_multiplier").asDouble()).isEqualTo(1.0);
        assertThat(risk.get("risk_off_level").asInt()).isZero();
        assertThat(risk.get("vix_regime").asString()).isEqualTo("normal");
        assertThat(risk.get("stop_loss_pct").asDouble()).isEqualTo(-0.05);
        assertThat(risk.get("macro_source").asString()).isEqualTo("daily_insight");
        assertThat(payload.get("risk_setting")).isEqualTo(risk);
        assertThat(WireJson.mapper().readTree(signalsFor(code).get(0)).toString()).contains("현대차");

        Long ttl = redis.getExpire("buy_signal_cooldown:" + code);
        assertThat(redis.opsForValue().get("buy_signal_cooldown:" + code)).isEqualTo("1");
        assertThat(ttl).isBetween(590L, 600L);
        JsonNode snapshot = WireJson.mapper().readTree(redis.opsForValue().get("buy_logic:snapshot:" + code));
        assertThat(snapshot.get("triggered_signal").asString()).isEqualTo("MOMENTUM");
        assertThat(snapshot.get("risk_gate").get("passed").asBoolean()).isTrue();
        assertThat(redis.getExpire("buy_logic:snapshot:" + code)).isBetween(1L, 60L);
        JsonNode history = WireJson.mapper().readTree(redis.opsForValue().get("logic:signals:" + code));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("type").asString()).isEqualTo("BUY");
        assertThat(history.get(0).get("signal_type").asString()).isEqualTo("MOMENTUM");
        assertThat(history.get(0).get("price").asDouble()).isEqualTo(71_600.0);
        assertThat(redis.getExpire("logic:signals:" + code)).isGreaterThan(600_000L);
        await(() -> dashboardEvents.stream().anyMatch(e -> e.contains(code)), "dashboard event");
        JsonNode event = WireJson.mapper().readTree(dashboardEvents.stream().filter(e -> e.contains(code))
                .findFirst().orElseThrow());
        assertThat(event.get("type").asString()).isEqualTo("buy_signal");
        assertThat(event.get("data").get("signal_type").asString()).isEqualTo("MOMENTUM");
        assertThat(event.get("data").get("regime").asString()).isEqualTo("SIDEWAYS");

        // the next bar evaluates again, but the cooldown holds: still exactly one
        tick(code, 71_500, 500, "102930");
        clock.setKst(LocalDateTime.of(2026, 2, 11, 10, 30, 1));
        tick(code, 71_700, 500, "103001");
        await(() -> engine.completedBars(code) == 30, "the 10:29 bar completed");
        engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(signalsFor(code)).hasSize(1);
        await(() -> {
            String beat = redis.opsForValue().get(ScannerRuntime.HEARTBEAT_KEY);
            return beat != null && WireJson.mapper().readTree(beat).get("signal_count").asLong() >= 1;
        }, "a heartbeat counting the signal");
        JsonNode heartbeat = WireJson.mapper().readTree(redis.opsForValue().get(ScannerRuntime.HEARTBEAT_KEY));
        assertThat(redis.getExpire(ScannerRuntime.HEARTBEAT_KEY)).isBetween(1L, 15L);
        assertThat(heartbeat.has("hot_watchlist_size")).isTrue();
    }

    @Test
    void nothingIsPublishedWhilePaused() throws Exception {
        redis.opsForValue().set(TradingFlag.PAUSE_KEY,
                TradingFlag.set(true, "점검", "2026-02-11T01:00:00+00:00").toJson());
        assertNoSignal("000660", LocalTime.of(10, 28, 30));
    }

    @Test
    void nothingIsPublishedWhileStopped() throws Exception {
        redis.opsForValue().set(TradingFlag.STOP_KEY,
                TradingFlag.set(true, "긴급", "2026-02-11T01:00:00+00:00").toJson());
        assertNoSignal("035420", LocalTime.of(10, 28, 30));
    }

    @Test
    void nothingIsPublishedOutsideMarketHours() throws Exception {
        assertNoSignal("051910", LocalTime.of(15, 30, 30));
    }

    @Test
    void ticksOfCodesNotOnTheWatchlistAreIgnored() throws Exception {
        prepare("207940", LocalTime.of(10, 28, 30));
        long before = engine.stats().ticks();
        tick("999999", 1000, 1, "102830");
        tick("999999", 1000, 1, "102931");
        Thread.sleep(300);
        engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(engine.completedBars("999999")).isZero();
        assertThat(engine.stats().ticks()).isGreaterThanOrEqualTo(before + 2);
        assertThat(redis.hasKey("buy_logic:snapshot:999999")).isFalse();
    }

    private void assertNoSignal(String code, LocalTime start) throws Exception {
        prepare(code, start);
        String hhmm = String.format("%02d%02d", start.getHour(), start.getMinute());
        Thread.sleep(150);
        tick(code, 71_400, 500, hhmm + "30");
        clock.setKst(Scenario2026.day().atTime(start.plusSeconds(31)));
        tick(code, 71_600, 500, String.format("%02d%02d%02d", start.plusSeconds(31).getHour(),
                start.plusSeconds(31).getMinute(), start.plusSeconds(31).getSecond()));
        await(() -> engine.completedBars(code) == 29, "the bar of " + code + " completed");
        engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(engine.completedBars(code)).isEqualTo(29);
        assertThat(signalsFor(code)).isEmpty();
        assertThat(redis.hasKey("buy_signal_cooldown:" + code)).isFalse();
    }

    /** 28 minute bars before {@code start} (zigzag +200/−100 from 70 000: RSI 66.7, +2.1 %), then the watchlist. */
    private void prepare(String code, LocalTime start) throws Exception {
        assertThat(schema.awaitMigrated(Duration.ofSeconds(60))).isTrue();
        clock.setKst(Scenario2026.day().atTime(start));
        LocalDateTime first = Scenario2026.day().atTime(start.withSecond(0)).minusMinutes(28);
        double prev = 70_000;
        for (int i = 0; i < 28; i++) {
            double close = 70_000 + 100 * (i / 2) + (i % 2 == 1 ? 200 : 0);
            jdbc.update("INSERT INTO STOCK_MINUTE_PRICE (PRICE_TIME, STOCK_CODE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, "
                            + "CLOSE_PRICE, VOLUME, ACCUM_VOLUME) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    first.plusMinutes(i), code, prev, Math.max(prev, close), Math.min(prev, close), close, 1000,
                    1000 * (i + 1));
            prev = close;
        }
        String key = "hot_watchlist:v" + VERSION.incrementAndGet();
        HotWatchlist list = new HotWatchlist("2026-02-10T22:00:00+00:00", "SIDEWAYS", 0.0, List.of(
                HotWatchlist.Stock.scouted(code, code.equals("005380") ? "현대차" : "종목" + code, 60.0, 1, true,
                        "TIER1", 60.0)));
        redis.opsForValue().set(key, WireJson.mapper().writeValueAsString(list));
        redis.opsForValue().set(HotWatchlist.ACTIVE_KEY, key);
        await(() -> engine.completedBars(code) == 28, "warm start of " + code + " from STOCK_MINUTE_PRICE");
    }

    private void tick(String code, double price, long volume, String hhmmss) {
        redis.opsForStream().add(MapRecord.create(Streams.KIS_PRICES, Map.of("code", code,
                "price", String.valueOf(price), "high", String.valueOf(price), "vol", String.valueOf(volume),
                "time", hhmmss)));
    }

    private List<String> signalsFor(String code) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                StreamOffset.fromStart(Streams.BUY_SIGNALS));
        return records == null ? List.of() : records.stream().map(r -> (String) r.getValue().get("payload"))
                .filter(p -> p.contains("\"stock_code\":\"" + code + "\"")).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The test day. */
    static final class Scenario2026 {
        static java.time.LocalDate day() {
            return java.time.LocalDate.of(2026, 2, 11);
        }
    }
}
