package com.primejennie.shared.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.testing.RealServices;

import tools.jackson.databind.JsonNode;

/** Manual orders on the real Redis: the exact messages the executors read, and the two limits. */
class ManualOrderPublisherTest {

    private final ManualMarketClock clock = new ManualMarketClock(Instant.parse("2026-02-11T23:00:00.123456Z"));
    private final TradingDay tradingDay = new TradingDay(clock, KrxCalendar.bundled(KrxSessionRules.defaults()));
    private final ManualActor chat = ManualActor.telegram("12345", "jennie");
    private LettuceConnectionFactory factory;
    private StringRedisTemplate redis;
    private StreamConnections connections;
    private boolean dryRun = false;

    @BeforeEach
    void connect() {
        RealServices.flushRedis();
        var endpoint = RealServices.redis();
        var config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        redis.afterPropertiesSet();
        connections = StreamConnections.of(endpoint.url(), Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        connections.close();
        factory.destroy();
    }

    private ManualOrderPublisher publisher(int dailyLimit) {
        return publisher(new ManualTradeLimits(redis, tradingDay, Duration.ofSeconds(5), dailyLimit));
    }

    private ManualOrderPublisher publisher(ManualTradeLimits limits) {
        var metrics = MessagingMetrics.inMemory();
        var codec = new JsonPayloadCodec<>(WireJson.mapper(), Object.class);
        return new ManualOrderPublisher(
                new TradingSignalPublisher<>(connections, BuySignal.STREAM, codec,
                        StreamSettings.builtIn(BuySignal.STREAM), metrics),
                new TradingSignalPublisher<>(connections, SellOrder.STREAM, codec,
                        StreamSettings.builtIn(SellOrder.STREAM), metrics),
                limits, () -> dryRun, clock);
    }

    private String payload(String stream, String id) {
        var entries = redis.opsForStream().range(stream, org.springframework.data.domain.Range.closed(id, id));
        return (String) entries.get(0).getValue().get("payload");
    }

    @Test
    void buyPublishesThePythonBotsMessageFieldForField() {
        ManualOrderResult r = publisher(20).buy(ManualBuy.market(chat, "005930", "삼성전자", 71000, 10));

        assertThat(r.status()).isEqualTo(ManualOrderResult.Status.PUBLISHED);
        assertThat(payload(BuySignal.STREAM, r.messageId())).isEqualTo("{\"source\":\"telegram-manual\","
                + "\"market_regime\":\"MANUAL\",\"strategy_preset\":{\"name\":\"MANUAL_TELEGRAM\",\"params\":{}},"
                + "\"risk_setting\":{\"position_size_ratio\":1.0},\"manual_quantity\":10,\"dry_run\":false,"
                + "\"user\":\"jennie\",\"requested_at\":\"2026-02-11T23:00:00.123456\",\"candidates\":[{"
                + "\"stock_code\":\"005930\",\"stock_name\":\"삼성전자\",\"current_price\":71000.0,\"llm_score\":100,"
                + "\"llm_reason\":\"[Telegram 수동매수] 사용자 입력\",\"buy_signal_type\":\"MANUAL_TELEGRAM\","
                + "\"factor_score\":100,\"manual_quantity\":10}]}");
        BuySignal read = WireJson.mapper().readValue(payload(BuySignal.STREAM, r.messageId()), BuySignal.class);
        assertThat(read.isManual()).isTrue();
        assertThat(read.candidates().get(0).manualQuantity()).isEqualTo(10);
    }

    @Test
    void aLimitBuyCarriesTopLevelLimitPriceForTheExecutor() {
        dryRun = true;
        ManualOrderResult r = publisher(20).buy(new ManualBuy(ManualActor.dashboard("admin"), "000660", null, 200000,
                3, 199500L));

        JsonNode node = WireJson.mapper().readTree(payload(BuySignal.STREAM, r.messageId()));
        assertThat(node.path("limit_price").asLong()).isEqualTo(199500L);
        assertThat(node.path("dry_run").asBoolean()).isTrue();
        assertThat(node.path("candidates").path(0).path("stock_name").asString()).isEqualTo("000660");
        assertThat(node.path("candidates").path(0).path("llm_reason").asString()).contains("Dashboard");
    }

    @Test
    void sellAndSellAllPublishThePythonBotsMessage() {
        ManualOrderPublisher p = publisher(20);
        ManualOrderResult one = p.sell(new ManualSell(chat, "005930", "삼성전자", 7));
        List<ManualOrderResult> all = p.sellAll(List.of(new ManualSell(chat, "000660", "SK하이닉스", 2)));

        assertThat(payload(SellOrder.STREAM, one.messageId())).isEqualTo("{\"source\":\"telegram-manual\","
                + "\"stock_code\":\"005930\",\"stock_name\":\"삼성전자\",\"quantity\":7,\"sell_reason\":\"MANUAL_SELL\","
                + "\"requested_by\":\"jennie\",\"requested_at\":\"2026-02-11T23:00:00.123456\",\"dry_run\":false}");
        assertThat(WireJson.mapper().readTree(payload(SellOrder.STREAM, all.get(0).messageId()))
                .path("sell_reason").asString()).isEqualTo("MANUAL_SELLALL");
        assertThat(p.limits().usedToday(chat)).as("sellall is not counted").isEqualTo(1);
    }

    @Test
    void dailyLimitStopsTheThirdTradeWithoutPublishingIt() {
        ManualOrderPublisher p = publisher(2);
        p.buy(ManualBuy.market(chat, "005930", "삼성전자", 71000, 1));
        p.sell(new ManualSell(chat, "005930", "삼성전자", 1));

        ManualOrderResult third = p.buy(ManualBuy.market(chat, "005930", "삼성전자", 71000, 1));

        assertThat(third.status()).isEqualTo(ManualOrderResult.Status.LIMIT_REACHED);
        assertThat(third.usedToday()).isEqualTo(2);
        assertThat(redis.opsForStream().size(BuySignal.STREAM)).isEqualTo(1);
        assertThat(p.limits().usedToday(chat)).as("a refused request takes no slot").isEqualTo(2);
    }

    @Test
    void dailyCounterIsKeyedByTheKrxTradingDayInKoreaTime() {
        ManualTradeLimits limits = new ManualTradeLimits(redis, tradingDay, Duration.ofSeconds(5), 20);
        // 08:00 KST Thursday is still Wednesday in UTC; the Python key named the UTC date
        assertThat(limits.dailyKey(chat)).isEqualTo("telegram:manual_trades:20260212:12345");

        limits.takeTrade(chat);

        assertThat(redis.getExpire(limits.dailyKey(chat))).isPositive();
    }

    @Test
    void aPublishRedisSurelyRefusedGivesItsSlotBack() {
        ManualTradeLimits limits = new ManualTradeLimits(redis, tradingDay, Duration.ofSeconds(5), 20);
        redis.opsForValue().set(BuySignal.STREAM, "not a stream"); // XADD fails with WRONGTYPE: nothing written
        ManualOrderPublisher p = publisher(limits);

        ManualOrderResult r = p.buy(ManualBuy.market(chat, "005930", "삼성전자", 71000, 1));

        assertThat(r.status()).isEqualTo(ManualOrderResult.Status.PUBLISH_FAILED);
        assertThat(limits.usedToday(chat)).isZero();
    }

    @Test
    void rateLimitLetsOneCommandThroughPerIntervalAndSaysHowLongToWait() {
        ManualTradeLimits limits = new ManualTradeLimits(redis, tradingDay, Duration.ofSeconds(5), 20);

        assertThat(limits.checkRate(chat).allowed()).isTrue();
        ManualTradeLimits.Check second = limits.checkRate(chat);

        assertThat(second.decision()).isEqualTo(ManualTradeLimits.Decision.LIMITED);
        assertThat(second.retryAfter()).isBetween(1L, 5L);
        assertThat(limits.checkRate(ManualActor.telegram("999", "x")).allowed()).as("per chat").isTrue();
        assertThat(redis.getExpire(ManualTradeLimits.rateKey(chat))).isBetween(1L, 5L);
    }

    @Test
    void limitsThatCannotBeReadFailClosedForTrades() {
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        dead.afterPropertiesSet();
        dead.start();
        try {
            ManualTradeLimits limits = new ManualTradeLimits(new StringRedisTemplate(dead), tradingDay,
                    Duration.ofSeconds(5), 20);

            ManualOrderResult r = publisher(limits).buy(ManualBuy.market(chat, "005930", "삼성전자", 71000, 1));

            assertThat(r.status()).isEqualTo(ManualOrderResult.Status.LIMITS_UNAVAILABLE);
            assertThat(limits.checkRate(chat).decision()).isEqualTo(ManualTradeLimits.Decision.UNAVAILABLE);
            assertThat(redis.hasKey(BuySignal.STREAM)).isFalse();
        } finally {
            dead.destroy();
        }
    }

    @Test
    void concurrentTradesNeverExceedTheDailyLimit() throws Exception {
        ManualOrderPublisher p = publisher(5);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ManualOrderResult>>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> p.buy(ManualBuy.market(chat, "005930", "삼성전자", 71000, 1))));
            }
            long published = 0;
            for (var f : futures) {
                published += f.get().published() ? 1 : 0;
            }
            assertThat(published).isEqualTo(5);
            assertThat(redis.opsForStream().size(BuySignal.STREAM)).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

}
