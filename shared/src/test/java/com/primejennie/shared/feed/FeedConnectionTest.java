package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;

import com.primejennie.shared.market.ManualMarketClock;

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

    private void startFeed(int limit, String htsId) {
        FeedProperties props = FeedTestProperties.with(kis.uri().toString(), limit, htsId);
        TickPublisher publisher = tickPublisher != null ? tickPublisher : services.tickPublisher();
        feed = new KisRealtimeFeed(props, kis.uri(), false, HttpClient.newHttpClient(), forceNew -> {
                    keyRequests.add(forceNew);
                    return "approval-" + keyRequests.size();
                },
                new HoldingsCodeSource(services.jdbc(), "ACTIVE_PORTFOLIO_MOCK"),
                new HotWatchlistCodeSource(services.redis()),
                publisher, services.fillPublisher(),
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

    /** [QUIRK] only the first record was read, high was idx 5; [DEFECT] no volume (buy-path §5.1) — all fixed. */
    @Test
    void publishesEveryRecordOfAMultiRecordFrameAsOneStreamEntryWithCodePriceHighVolTime() throws Exception {
        services.hold("005930", 10);
        startFeed(41, "");
        nextMessages(1);

        kis.send(KisFrames.tradeFrame(
                KisFrames.trade("005930", "090001", 70100, 70500, 12, 1000),
                KisFrames.trade("005930", "090002", 70200, 70500, 30, 1030),
                KisFrames.trade("005930", "090003", 70300, 70600, 5, 1035)));

        FeedAwait.until("3 ticks published", () -> feed.status().ticks() == 3);
        List<MapRecord<String, Object, Object>> entries = services.redis().opsForStream()
                .range("kis:prices", Range.unbounded());
        assertThat(entries).extracting(MapRecord::getValue).containsExactly(
                Map.of("code", "005930", "price", "70100.0", "high", "70500.0", "vol", "12", "time", "090001"),
                Map.of("code", "005930", "price", "70200.0", "high", "70500.0", "vol", "30", "time", "090002"),
                Map.of("code", "005930", "price", "70300.0", "high", "70600.0", "vol", "5", "time", "090003"));
        assertThat(services.redis().opsForHash().get(StreamTickPublisher.REALTIME_HASH, "005930"))
                .isEqualTo("70300.0");
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

        FeedAwait.until("failure counted", () -> feed.status().publishFailures() == 1);
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
