package com.primejennie.kissim.feedtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;

import com.primejennie.kissim.SimTestSupport;
import com.primejennie.kissim.websocket.RealtimeHub;
import com.primejennie.shared.feed.FeedAwait;
import com.primejennie.shared.feed.FeedHealthIndicator;
import com.primejennie.shared.feed.FeedProperties;
import com.primejennie.shared.feed.CachedApprovalKeySource;
import com.primejennie.shared.feed.FeedTestProperties;
import com.primejennie.shared.feed.FeedTestServices;
import com.primejennie.shared.feed.FeedWatchdog;
import com.primejennie.shared.feed.HoldingsCodeSource;
import com.primejennie.shared.feed.HotWatchlistCodeSource;
import com.primejennie.shared.feed.JdbcMinuteBarWriter;
import com.primejennie.shared.feed.KisRealtimeFeed;
import com.primejennie.shared.feed.MarketHours;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.market.ManualMarketClock;

import tools.jackson.databind.JsonNode;

/**
 * The price feed against kis-sim's KIS WebSocket (real socket, KIS protocol, multi-record frames, registration limit)
 * with the real Redis and MariaDB: the "Must show" list of issue 8.
 */
class FeedAgainstKisSimTest extends SimTestSupport {

    private static final Instant SIM_START = Instant.parse(START);

    @Autowired
    RealtimeHub hub;

    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final ManualMarketClock clock = new ManualMarketClock(SIM_START);
    private FeedTestServices services;
    private KisTestKit kis;
    private KisRealtimeFeed feed;

    @BeforeEach
    void services() {
        services = new FeedTestServices();
        kis = new KisTestKit();
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        services.close();
        kis.close();
    }

    private void startFeed(int limit) {
        startFeed(limit, "");
    }

    private void startFeed(int limit, String htsId) {
        FeedProperties props = FeedTestProperties.with("ws://127.0.0.1:" + port + "/", limit, htsId);
        feed = new KisRealtimeFeed(props, URI.create("ws://127.0.0.1:" + port + "/"), false,
                HttpClient.newHttpClient(),
                new CachedApprovalKeySource(kis.components(
                        KisTestKit.properties(base(), 20, appKey, "secret-" + appKey, "50000001"), KisMode.PAPER)
                        .client()::approvalKey),
                new HoldingsCodeSource(services.jdbc(), "ACTIVE_PORTFOLIO_MOCK"),
                new HotWatchlistCodeSource(services.redis()),
                services.tickPublisher(), services.fillPublisher(),
                new JdbcMinuteBarWriter(services.jdbc(), clock::nowUtcNaive),
                new FeedWatchdog(props.silenceThreshold(), MarketHours.weekdaySession(), alerts::add),
                clock);
        feed.start();
    }

    private void awaitSubscribed(List<String> codes) {
        FeedAwait.until("subscribed and confirmed by KIS " + codes, () -> feed.status().subscribed().equals(codes)
                && feed.status().confirmed() == codes.size(), feed::status);
    }

    /** Moves kis-sim's market clock: one trade per second per subscribed code, sent as multi-record frames. */
    private void marketAdvances(String duration) {
        admin("POST", "/admin/clock", Map.of("advance", duration));
    }

    private JsonNode simPrice(String code) {
        return admin("GET", "/admin/prices/" + code, null).json();
    }

    private List<Map<String, String>> entries() {
        List<Map<String, String>> out = new ArrayList<>();
        for (MapRecord<String, Object, Object> r : services.redis().opsForStream().range("kis:prices",
                Range.unbounded())) {
            Map<String, String> m = new LinkedHashMap<>();
            r.getValue().forEach((k, v) -> m.put((String) k, (String) v));
            out.add(m);
        }
        return out;
    }

    /** Every trade of a multi-record frame counts; one code's trades are coalesced with their volumes summed. */
    @Test
    void multiRecordFramesArePublishedWithTheLatestTradeAndTheSummedVolumeOfEachCode() {
        services.hold("005930", 10);
        startFeed(41);
        awaitSubscribed(List.of("005930"));
        long volumeBefore = simPrice("005930").path("volume").asLong();

        marketAdvances("PT10S");

        FeedAwait.until("10 trades published", () -> feed.status().ticks() >= 10 && feed.status().buffered() == 0
                && feed.status().published() + feed.status().coalesced() == feed.status().ticks()
                && entries().size() == feed.status().published(), feed::status);
        List<Map<String, String>> entries = entries();
        JsonNode after = simPrice("005930");
        assertThat(feed.status().ticks()).isEqualTo(10);
        assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(entries).extracting(e -> e.get("code")).containsOnly("005930");
        assertThat(entries).extracting(e -> e.get("time")).isSorted().doesNotHaveDuplicates().endsWith("100010");
        Map<String, String> last = entries.get(entries.size() - 1);
        assertThat(last.get("price")).isEqualTo(after.path("price").asLong() + ".0");
        assertThat(last.get("high")).isEqualTo(after.path("high").asLong() + ".0");
        long volumeSum = entries.stream().mapToLong(e -> Long.parseLong(e.get("vol"))).sum();
        assertThat(volumeSum).as("Σ vol = the simulator's volume change (per-trade CNTG_VOL, not 0)")
                .isEqualTo(after.path("volume").asLong() - volumeBefore).isPositive();
        for (Map<String, String> e : entries) {
            assertThat(Double.parseDouble(e.get("high"))).isGreaterThanOrEqualTo(Double.parseDouble(e.get("price")));
        }
    }

    @Test
    void aDroppedConnectionIsReestablishedAndResubscribed() {
        services.hold("005930", 10);
        services.hotWatchlist("000660");
        startFeed(41);
        awaitSubscribed(List.of("005930", "000660"));

        dropConnections();

        FeedAwait.until("reconnected", () -> feed.status().reconnects() >= 1, feed::status);
        awaitSubscribed(List.of("005930", "000660"));
        marketAdvances("PT3S");
        FeedAwait.until("ticks of both codes after the reconnect", () -> entries().stream()
                .map(e -> e.get("code")).distinct().count() == 2, this::entries);
    }

    @Test
    void theWatchdogFiresAndRecovers() {
        services.hold("005930", 10);
        startFeed(41);
        awaitSubscribed(List.of("005930"));
        FeedHealthIndicator health = new FeedHealthIndicator(feed);
        marketAdvances("PT1S");
        FeedAwait.until("a tick", () -> feed.status().ticks() >= 1);
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.OK);

        clock.advance(Duration.ofSeconds(61)); // the simulated market stays paused: no trades
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.BECAME_STALE);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(alerts).hasSize(1);

        FeedAwait.until("reconnected by the watchdog", () -> feed.status().reconnects() >= 1, feed::status);
        awaitSubscribed(List.of("005930"));
        long before = feed.status().ticks();
        marketAdvances("PT1S");
        FeedAwait.until("ticks again", () -> feed.status().ticks() > before);
        clock.advance(Duration.ofSeconds(1));
        assertThat(feed.checkWatchdog()).isEqualTo(FeedWatchdog.Verdict.RECOVERED);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(alerts).hasSize(2);
    }

    /**
     * The bars are folded from every raw tick (before coalescing), so they hold what the stream entries show: Σ VOLUME
     * = Σ vol = the simulator's volume change, every published price inside its minute's low..high, the last close =
     * the last price.
     */
    @Test
    void minuteBarsInMariaDbAgreeWithThePublishedTicks() {
        services.hold("005930", 10);
        startFeed(41);
        awaitSubscribed(List.of("005930"));

        for (int step = 1; step <= 3; step++) { // kis-sim keeps the latest 50 trades per code between flushes
            marketAdvances("PT40S");
            long expected = 40L * step;
            FeedAwait.until(expected + " trades", () -> feed.status().ticks() >= expected, feed::status);
        }
        FeedAwait.until("everything published", () -> feed.status().buffered() == 0
                && feed.status().published() + feed.status().coalesced() == feed.status().ticks()
                && entries().size() == feed.status().published(), feed::status);
        clock.set(SIM_START.plus(Duration.ofMinutes(3)));
        feed.flushBars();

        Map<String, long[]> published = new LinkedHashMap<>(); // HHmm -> min price, max price, volume
        for (Map<String, String> e : entries()) {
            long price = (long) Double.parseDouble(e.get("price"));
            long vol = Long.parseLong(e.get("vol"));
            published.merge(e.get("time").substring(0, 4), new long[] {price, price, vol},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
        }
        List<Map<String, Object>> rows = services.jdbc().queryForList("SELECT * FROM STOCK_MINUTE_PRICE "
                + "WHERE STOCK_CODE = '005930' ORDER BY PRICE_TIME");
        Map<String, Map<String, Object>> byMinute = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Object t = row.get("PRICE_TIME");
            LocalDateTime minute = t instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) t;
            assertThat(minute.toLocalDate()).as("PRICE_TIME is the minute start in KST").isEqualTo(
                    LocalDate.of(2026, 3, 4));
            byMinute.put(String.format("%02d%02d", minute.getHour(), minute.getMinute()), row);
        }
        assertThat(byMinute.keySet()).containsAll(published.keySet());
        long barVolume = rows.stream().mapToLong(r -> ((Number) r.get("VOLUME")).longValue()).sum();
        long streamVolume = published.values().stream().mapToLong(v -> v[2]).sum();
        assertThat(barVolume).isEqualTo(streamVolume).isPositive();
        for (Map.Entry<String, long[]> minute : published.entrySet()) {
            Map<String, Object> row = byMinute.get(minute.getKey());
            assertThat(((BigDecimal) row.get("LOW_PRICE")).longValue()).isLessThanOrEqualTo(minute.getValue()[0]);
            assertThat(((BigDecimal) row.get("HIGH_PRICE")).longValue()).isGreaterThanOrEqualTo(minute.getValue()[1]);
        }
        List<Map<String, String>> entries = entries();
        assertThat(((BigDecimal) rows.get(rows.size() - 1).get("CLOSE_PRICE")).longValue())
                .isEqualTo((long) Double.parseDouble(entries.get(entries.size() - 1).get("price")));
    }

    @Test
    void holdingsTakePriorityWhenTheUnionExceedsTheRegistrationLimit() {
        admin("PUT", "/admin/settings", Map.of("maxRegistrations", 3));
        services.hold("005380", 1);
        services.hold("000660", 1);
        services.hotWatchlist("005930", "373220", "207940");
        startFeed(3);

        awaitSubscribed(List.of("000660", "005380", "005930"));
        marketAdvances("PT2S");
        FeedAwait.until("ticks of the three", () -> entries().stream().map(e -> e.get("code")).distinct()
                .count() == 3, this::entries);
        assertThat(entries()).extracting(e -> e.get("code")).containsOnly("000660", "005380", "005930");
        assertThat(feed.status().lastError()).as("KIS never refused a registration").isNull();
    }

    @Test
    void theAccountsEncryptedFillNoticesArePublishedToKisFills() {
        startFeed(41, "jennie");
        FeedAwait.until("KIS confirmed the notice registration", () -> feed.status().fillNotices(), feed::status);

        String odno = order("VTTC0012U", "005930", "01", 3, 0).path("output").path("ODNO").asString();
        marketAdvances("PT1S");

        FeedAwait.until("accepted and filled notices", () -> fills().size() >= 2, this::fills);
        List<JsonNode> notices = fills();
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.path("order_no").asString()).isEqualTo(odno);
            assertThat(n.path("side").asString()).isEqualTo("BUY");
            assertThat(n.path("stock_code").asString()).isEqualTo("005930");
        });
        assertThat(notices.get(0).path("filled").asBoolean()).as("first the acceptance").isFalse();
        JsonNode fill = notices.get(notices.size() - 1);
        assertThat(fill.path("filled").asBoolean()).isTrue();
        assertThat(fill.path("filled_qty").asLong()).isEqualTo(3);
        assertThat(fill.path("filled_price").asLong()).isPositive();
    }

    private List<JsonNode> fills() {
        List<JsonNode> out = new ArrayList<>();
        for (MapRecord<String, Object, Object> r : services.redis().opsForStream().range("kis:fills",
                Range.unbounded())) {
            out.add(JSON.readTree((String) r.getValue().get("payload")));
        }
        return out;
    }

    /** kis-sim closes every WebSocket session from its side, as KIS does when it drops a client. */
    private void dropConnections() {
        hub.reset();
    }
}
