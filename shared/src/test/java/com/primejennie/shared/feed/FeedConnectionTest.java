package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.testing.DisposableRedis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed against a minimal WebSocket server standing in for KIS, with real Redis and MariaDB: what it sends, what it
 * publishes, how it recovers.
 */
class FeedConnectionTest {

    private static final Instant TEN_AM_KST = Instant.parse("2026-11-26T01:00:00Z");

    private final JsonMapper json = JsonMapper.shared();
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final ManualMarketClock clock = new ManualMarketClock(TEN_AM_KST);
    private volatile boolean marketOpen = true;
    private FeedTestServices services;
    private TinyWebSocketServer kis;
    private KisRealtimeFeed feed;

    @BeforeEach
    void setUp() throws Exception {
        services = new FeedTestServices();
        kis = new TinyWebSocketServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (feed != null) {
            feed.close();
        }
        kis.close();
        services.close();
    }

    private final List<Boolean> keyRequests = new CopyOnWriteArrayList<>();
    private TickPublisher tickPublisher;
    private CodeSource watchlistSource;
    private FillPublisher fillPublisher;

    private void startFeed(int limit, String htsId) {
        FeedProperties props = FeedTestProperties.with(kis.uri().toString(), limit, htsId);
        TickPublisher publisher = tickPublisher != null ? tickPublisher : services.tickPublisher();
        feed = new KisRealtimeFeed(props, kis.uri(), false, HttpClient.newHttpClient(), forceNew -> {
                    keyRequests.add(forceNew);
                    return "approval-" + keyRequests.size();
                },
                new HoldingsCodeSource(services.jdbc(), "ACTIVE_PORTFOLIO_MOCK"),
                watchlistSource != null ? watchlistSource : new HotWatchlistCodeSource(services.redis()),
                publisher, fillPublisher != null ? fillPublisher : services.fillPublisher(),
                new JdbcMinuteBarWriter(services.jdbc(), clock::nowUtcNaive),
                new FeedWatchdog(props.silenceThreshold(), i -> marketOpen, text -> alerts.add(text)),
                clock);
        feed.start();
    }

    private List<JsonNode> nextMessages(int n) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(json.readTree(kis.nextMessage(20)));
        }
        return out;
    }

    private static List<String> keysOf(List<JsonNode> messages, String trType) {
        return messages.stream().filter(m -> m.path("header").path("tr_type").asString().equals(trType))
                .map(m -> m.path("body").path("input").path("tr_key").asString()).toList();
    }

    @Test
    void subscribesHoldingsFirstThenTheWatchlistByRankWithTheApprovalKeyWithinTheLimit() throws Exception {
        services.hold("000660", 10);
        services.hold("111111", 0); // sold out: not watched
        services.hotWatchlist("005930", "035420", "035720");
        startFeed(3, "");

        List<JsonNode> subs = nextMessages(3);

        assertThat(keysOf(subs, "1")).containsExactly("000660", "005930", "035420");
        JsonNode first = subs.get(0);
        assertThat(first.path("header").path("approval_key").asString()).isEqualTo("approval-1");
        assertThat(first.path("header").path("custtype").asString()).isEqualTo("P");
        assertThat(first.path("body").path("input").path("tr_id").asString()).isEqualTo("H0STCNT0");
        FeedAwait.until("3 registrations", () -> feed.status().subscribed().size() == 3);
    }

    /**
     * [QUIRK] only the first record was read, high was idx 5; [DEFECT] no volume (buy-path §5.1) — all fixed. Every
     * record counts; the records of one code in one frame are coalesced into its latest trade with the volumes summed
     * and the highest high, so Σvol is what KIS sent.
     */
    @Test
    void publishesEveryRecordOfAMultiRecordFrameCoalescingACodesTradesWithVolumesSummed() throws Exception {
        services.hold("005930", 10);
        services.hotWatchlist("000660");
        startFeed(41, "");
        nextMessages(2);

        kis.send(KisFrames.tradeFrame(
                KisFrames.trade("005930", "090001", 70100, 70500, 12, 1000),
                KisFrames.trade("000660", "090001", 120000, 121000, 7, 500),
                KisFrames.trade("005930", "090002", 70200, 70500, 30, 1030),
                KisFrames.trade("005930", "090003", 70300, 70600, 5, 1035)));

        FeedAwait.until("2 entries published", () -> feed.status().published() == 2, feed::status);
        List<MapRecord<String, Object, Object>> entries = services.redis().opsForStream()
                .range("kis:prices", Range.unbounded());
        assertThat(entries).extracting(MapRecord::getValue).containsExactly(
                Map.of("code", "005930", "price", "70300.0", "high", "70600.0", "vol", "47", "time", "090003"),
                Map.of("code", "000660", "price", "120000.0", "high", "121000.0", "vol", "7", "time", "090001"));
        assertThat(services.redis().opsForHash().get(StreamTickPublisher.REALTIME_HASH, "005930"))
                .isEqualTo("70300.0");
        assertThat(feed.status().ticks()).isEqualTo(4);
        assertThat(feed.status().coalesced()).isEqualTo(2);
    }

    @Test
    void aBurstOfFramesKeepsTheTotalVolumeAndTheLastPriceOfEveryCode() throws Exception {
        services.hold("005930", 10);
        services.hotWatchlist("000660");
        startFeed(41, "");
        nextMessages(2);

        long sent = 0;
        for (int i = 1; i <= 200; i++) {
            String time = String.format("0930%02d", i % 60);
            kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", time, 70000 + i, 70000 + i, i, i),
                    KisFrames.trade("000660", time, 120000 + i, 120000 + i, 1, i)));
            sent += i + 1;
        }

        long expected = sent;
        FeedAwait.until("all volume published", () -> volumeIn("kis:prices") == expected
                && feed.status().published() + feed.status().coalesced() == 400, feed::status);
        FeedStatus status = feed.status();
        assertThat(status.ticks()).isEqualTo(400);
        assertThat(status.published() + status.coalesced()).isEqualTo(400);
        assertThat(services.redis().opsForHash().get(StreamTickPublisher.REALTIME_HASH, "005930"))
                .isEqualTo("70200.0");
        assertThat(services.redis().opsForHash().get(StreamTickPublisher.REALTIME_HASH, "000660"))
                .isEqualTo("120200.0");
    }

    /**
     * The WebSocket thread never waits on Redis: with Redis stopped (and a re-plan stuck on it) the feed keeps
     * answering KIS's PINGPONG on the same connection, keeps the ticks (latest per code, volumes summed), and
     * publishes them when Redis is back.
     */
    @Test
    void keepsAnsweringPingPongWithRedisStoppedAndPublishesTheTicksWhenRedisReturns() throws Exception {
        try (DisposableRedis outage = DisposableRedis.start();
             StreamConnections streams = StreamConnections.of(outage.url(), Duration.ofSeconds(2))) {
            LettuceConnectionFactory factory = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", outage.port()),
                    LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(30)).build());
            factory.afterPropertiesSet();
            factory.start();
            try {
                StringRedisTemplate redis = new StringRedisTemplate(factory);
                tickPublisher = new StreamTickPublisher(new TradingSignalPublisher<>(streams, "kis:prices",
                        FieldMapCodec.kisPrices(), StreamSettings.builtIn("kis:prices"), MessagingMetrics.inMemory()),
                        redis);
                watchlistSource = new HotWatchlistCodeSource(redis);
                services.hold("005930", 10);
                startFeed(41, "");
                nextMessages(1);
                kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100000", 70100, 70500, 3, 3)));
                FeedAwait.until("first tick in Redis", () -> feed.status().published() == 1, feed::status);

                outage.stop();
                kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100001", 70200, 70600, 4, 7)));
                kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100002", 70150, 70600, 5, 12)));
                CompletableFuture<?> stuckReplan = CompletableFuture.runAsync(() -> {
                    try {
                        feed.replan(); // reads the hot watchlist from the stopped Redis: waits up to 30 s
                    } catch (RuntimeException e) {
                        // the re-plan may give up; only the PINGPONG matters here
                    }
                });
                Thread.sleep(500); // let the re-plan occupy the scheduler thread
                String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20261126100003\"}}";
                kis.send(ping);

                assertThat(kis.nextMessage(20)).isEqualTo(ping);
                assertThat(kis.connections()).as("still the first connection").isEqualTo(1);
                FeedAwait.until("ticks counted", () -> feed.status().ticks() == 3, feed::status);
                assertThat(feed.status().state()).isEqualTo("CONNECTED");

                outage.startAgain();
                FeedAwait.until("the outage's ticks published", () -> feed.status().published() == 2, feed::status);
                try (var check = streams.connect(Duration.ofSeconds(5))) {
                    var entries = check.sync().xrange("kis:prices", io.lettuce.core.Range.create("-", "+"));
                    // the restarted Redis is empty (no persistence): only the outage's entry is there
                    assertThat(entries).hasSize(1);
                    assertThat(entries.get(0).getBody()).isEqualTo(Map.of("code", "005930", "price", "70150.0",
                            "high", "70600.0", "vol", "9", "time", "100002"));
                }
                FeedAwait.until("health UP again", () -> !feed.status().publishFailing(), feed::status);
                stuckReplan.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                feed.close();
                feed = null;
                factory.destroy();
            }
        }
    }

    private long volumeIn(String stream) {
        return services.redis().opsForStream().range(stream, Range.unbounded()).stream()
                .mapToLong(e -> Long.parseLong((String) e.getValue().get("vol"))).sum();
    }

    /** [QUIRK] spec §3.6: the gateway never echoed PINGPONG; fixed. */
    @Test
    void echoesPingPongSoKisKeepsTheSessionOpen() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);
        String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20261126100000\"}}";

        kis.send(ping);

        assertThat(kis.nextMessage(20)).isEqualTo(ping);
    }

    /** [QUIRK] spec §3.6: after a drop the gateway's loop just ended and nothing reconnected; fixed. */
    @Test
    void reconnectsAfterADroppedConnectionAndSubscribesEverythingAgain() throws Exception {
        services.hold("000660", 10);
        services.hotWatchlist("005930");
        startFeed(41, "jennie");
        List<JsonNode> first = nextMessages(3);
        assertThat(first.get(0).path("body").path("input").path("tr_id").asString()).isEqualTo("H0STCNI9");

        kis.drop();

        FeedAwait.until("a second connection", () -> kis.connections() == 2);
        List<JsonNode> again = nextMessages(3);
        assertThat(again.get(0).path("body").path("input").path("tr_key").asString()).isEqualTo("jennie");
        assertThat(keysOf(again, "1")).containsExactly("jennie", "000660", "005930");
        FeedAwait.until("reconnect counted", () -> feed.status().reconnects() == 1, feed::status);
    }

    /** [QUIRK] spec §1.3/§3.6: subscriptions only ever grew and were read once; fixed by periodic re-plan. */
    @Test
    void followsChangesToHoldingsAndWatchlistSubscribingNewAndUnsubscribingDropped() throws Exception {
        services.hold("000660", 10);
        services.hotWatchlist("005930", "035420");
        startFeed(3, "");
        nextMessages(3);

        services.hotWatchlist("035720"); // a new scout run replaced the list
        services.hold("005380", 5);      // a buy landed
        SubscriptionPlanner.Plan plan = feed.replan();

        assertThat(plan.target()).containsExactly("000660", "005380", "035720");
        List<JsonNode> changes = nextMessages(4);
        assertThat(keysOf(changes, "2")).containsExactlyInAnyOrder("005930", "035420");
        assertThat(keysOf(changes, "1")).containsExactly("005380", "035720");
        assertThat(feed.status().subscribed()).containsExactly("000660", "005380", "035720");
    }

    /** [QUIRK] spec §6.12: a silent drop stopped every exit unnoticed; fixed by the watchdog. */
    @Test
    void watchdogMarksTheFeedDownAlertsOnceReconnectsAndReportsRecovery() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);
        FeedHealthIndicator health = new FeedHealthIndicator(feed);
        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100000", 70100, 70500, 1, 1)));
        FeedAwait.until("first tick", () -> feed.status().ticks() == 1);
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.OK);

        clock.advance(Duration.ofSeconds(61));
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.BECAME_STALE);
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.STILL_STALE);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(alerts).hasSize(1);
        FeedAwait.until("watchdog reconnect", () -> kis.connections() == 2);
        assertThat(keysOf(nextMessages(1), "1")).containsExactly("005930");

        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100102", 70200, 70500, 1, 2)));
        FeedAwait.until("tick after reconnect", () -> feed.status().ticks() == 2);
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.RECOVERED);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(alerts).hasSize(2);
    }

    @Test
    void writesMinuteBarsThatMatchTheTicks() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);
        kis.send(KisFrames.tradeFrame(
                KisFrames.trade("005930", "100001", 70100, 70500, 12, 1000),
                KisFrames.trade("005930", "100030", 70400, 70500, 30, 1030)));
        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100059", 69900, 70500, 8, 1038)));
        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100100", 70000, 70500, 2, 1040)));
        FeedAwait.until("4 ticks", () -> feed.status().ticks() == 4);

        clock.set(Instant.parse("2026-11-26T01:02:00Z")); // 10:02 KST: both minutes are over
        feed.flushBars();

        List<Map<String, Object>> rows = services.jdbc().queryForList("SELECT PRICE_TIME, STOCK_CODE, OPEN_PRICE, "
                + "HIGH_PRICE, LOW_PRICE, CLOSE_PRICE, VOLUME, ACCUM_VOLUME FROM STOCK_MINUTE_PRICE ORDER BY PRICE_TIME");
        assertThat(rows).hasSize(2);
        assertThat(minuteOf(rows.get(0))).isEqualTo(LocalDateTime.of(2026, 11, 26, 10, 0)); // KST-naive
        assertThat(rows.get(0)).containsEntry("STOCK_CODE", "005930")
                .containsEntry("OPEN_PRICE", new java.math.BigDecimal("70100.00"))
                .containsEntry("HIGH_PRICE", new java.math.BigDecimal("70400.00"))
                .containsEntry("LOW_PRICE", new java.math.BigDecimal("69900.00"))
                .containsEntry("CLOSE_PRICE", new java.math.BigDecimal("69900.00"))
                .containsEntry("VOLUME", 50L)
                .containsEntry("ACCUM_VOLUME", 1038L);
        assertThat(minuteOf(rows.get(1))).isEqualTo(LocalDateTime.of(2026, 11, 26, 10, 1));
        assertThat(rows.get(1)).containsEntry("VOLUME", 2L);
    }

    @Test
    void writesTheOpenMinuteAtShutdownSoTheLastBarIsNotLost() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);
        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "152959", 70100, 70500, 4, 900)));
        FeedAwait.until("tick", () -> feed.status().ticks() == 1);

        feed.close(); // 15:29:59 trade, the minute is not over yet
        feed = null;

        assertThat(services.jdbc().queryForObject("SELECT VOLUME FROM STOCK_MINUTE_PRICE WHERE STOCK_CODE = '005930'",
                Long.class)).isEqualTo(4L);
    }

    @Test
    void publishesTheAccountsFillNoticesToKisFills() throws Exception {
        startFeed(41, "jennie");
        nextMessages(1);

        kis.send("0|H0STCNI9|001|" + KisFrames.notice("0000123456", "01", "005930", 10, 70100, "100000", true));

        FeedAwait.until("a fill entry", () -> size("kis:fills") == 1);
        Object payload = services.redis().opsForStream().range("kis:fills", Range.unbounded()).get(0).getValue()
                .get("payload");
        JsonNode fill = json.readTree((String) payload);
        assertThat(fill.path("order_no").asString()).isEqualTo("0000123456");
        assertThat(fill.path("side").asString()).isEqualTo("SELL");
        assertThat(fill.path("filled_qty").asLong()).isEqualTo(10);
        assertThat(fill.path("filled").asBoolean()).isTrue();
    }

    /**
     * Fill notices wait in order while Redis refuses them and go out once it answers; one that may already be in the
     * stream (answer lost) is not sent twice.
     */
    @Test
    void fillNoticesAreRetriedWhenCertainlyNotWrittenAndNeverSentTwice() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        List<Boolean> outcomes = new CopyOnWriteArrayList<>(List.of(false, true)); // refused, then answer lost
        fillPublisher = notices -> {
            if (!outcomes.isEmpty()) {
                boolean maybeWritten = outcomes.remove(0);
                throw new com.primejennie.shared.messaging.PublishException("kis:fills", maybeWritten,
                        maybeWritten ? "answer lost" : "Redis refused", null);
            }
            notices.forEach(n -> written.add(n.orderNo()));
        };
        startFeed(41, "jennie");
        nextMessages(1);

        kis.send("0|H0STCNI9|001|" + KisFrames.notice("0000000001", "02", "005930", 10, 70100, "100000", true));
        kis.send("0|H0STCNI9|001|" + KisFrames.notice("0000000002", "02", "005930", 5, 70200, "100001", true));
        kis.send("0|H0STCNI9|001|" + KisFrames.notice("0000000003", "01", "000660", 1, 120000, "100002", true));

        FeedAwait.until("fills published", () -> written.size() == 2, () -> written);
        // 1: refused (certainly not written) -> retried, then its answer was lost -> not resent; 2 and 3 follow
        assertThat(written).containsExactly("0000000002", "0000000003");
        assertThat(feed.status().lastError()).contains("answer lost");
    }

    @Test
    void asksForANewApprovalKeyWhenKisRefusesTheCachedOne() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);

        kis.send("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"},\"body\":{\"rt_cd\":\"1\","
                + "\"msg_cd\":\"OPSP0011\",\"msg1\":\"invalid approval : NOT FOUND\"}}");

        FeedAwait.until("a second connection", () -> kis.connections() == 2);
        JsonNode again = nextMessages(1).get(0);
        assertThat(again.path("header").path("approval_key").asString()).isEqualTo("approval-2");
        assertThat(keyRequests).containsExactly(false, true);
    }

    /** OPSP0002 means KIS has the registration, whatever the text says (the old check looked for "ALREADY"). */
    @Test
    void anAlreadySubscribedReplyConfirmsTheRegistrationByItsCodeNotItsText() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);

        kis.send("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"},\"body\":{\"rt_cd\":\"1\","
                + "\"msg_cd\":\"OPSP0002\",\"msg1\":\"이미 등록된 종목입니다\"}}");

        FeedAwait.until("registration confirmed", () -> feed.status().confirmed() == 1, feed::status);
        assertThat(feed.status().subscribed()).containsExactly("005930");
    }

    /** OPSP8996 "ALREADY IN USE appkey": another session holds the key - not "already subscribed". */
    @Test
    void anAppKeyInUseReplyReconnectsWithANewKeyInsteadOfCountingAsSubscribed() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);

        kis.send("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"},\"body\":{\"rt_cd\":\"9\","
                + "\"msg_cd\":\"OPSP8996\",\"msg1\":\"ALREADY IN USE appkey\"}}");

        FeedAwait.until("a second connection", () -> kis.connections() == 2, feed::status);
        assertThat(nextMessages(1).get(0).path("header").path("approval_key").asString()).isEqualTo("approval-2");
        assertThat(keyRequests).containsExactly(false, true);
        assertThat(feed.status().lastError()).contains("OPSP8996");
    }

    @Test
    void forgetsARegistrationKisRefusedSoTheNextPlanRetriesIt() throws Exception {
        services.hold("005930", 10);
        services.hotWatchlist("000660");
        startFeed(41, "");
        nextMessages(2);

        kis.send("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"000660\"},\"body\":{\"rt_cd\":\"1\","
                + "\"msg_cd\":\"OPSP0008\",\"msg1\":\"MAX SUBSCRIBE OVER\"}}");

        FeedAwait.until("refused code dropped", () -> feed.status().subscribed().equals(List.of("005930")),
                feed::status);
        assertThat(feed.replan().subscribe()).containsExactly("000660");
    }

    @Test
    void reportsDownWhileTicksArriveButCannotBePublished() throws Exception {
        services.hold("005930", 10);
        tickPublisher = ticks -> {
            throw new IllegalStateException("Redis is down");
        };
        startFeed(41, "");
        nextMessages(1);

        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100000", 70100, 70500, 1, 1)));

        FeedAwait.until("failure counted", () -> feed.status().publishFailures() >= 1);
        assertThat(new FeedHealthIndicator(feed).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static LocalDateTime minuteOf(Map<String, Object> row) {
        Object t = row.get("PRICE_TIME");
        return t instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) t;
    }

    private long size(String stream) {
        Long n = services.redis().opsForStream().size(stream);
        return n == null ? 0 : n;
    }
}
