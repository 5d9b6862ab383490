package com.primejennie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TickSize;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.testing.ClosableTcpProxy;
import com.primejennie.shared.testing.RealServices;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, "Must show": exits end to end. kis-sim, price-monitor (feed and exits) and sell-executor run as three
 * Spring Boot applications (their own main classes and contexts) on the test harness's Redis and a migrated scratch
 * MariaDB that they reach through a TCP proxy the test can cut. All three share one simulated market clock: Wednesday
 * 2026-03-04 10:00 KST at 4× speed (a unique anchor key per test).
 *
 * <p>A position of 10 × 005930 is held at kis-sim and in {@code ACTIVE_PORTFOLIO_MOCK} at the current price; kis-sim is
 * then scripted to fall 1 % per trade to −10 %. The fixed stop (−6 %) fires on the feed's ticks, price-monitor queues a
 * SellOrder, sell-executor sells through the order service. Each test checks: exactly one sell order at kis-sim, the
 * position closed, a {@code TRADELOG_MOCK} SELL row with net PnL, the stop-loss cooldown key.
 *
 * <p>price-monitor reads daily bars through the shared read-through, which fetches them from kis-sim: whichever of the
 * ATR stop and the fixed stop is tighter fires.
 */
class ExitsEndToEndTest {

    private static final String KIS_SIM = "com.primejennie.kissim.KisSimApplication";
    private static final String PRICE_MONITOR = "com.primejennie.pricemonitor.PriceMonitorApplication";
    private static final String SELL_EXECUTOR = "com.primejennie.sellexecutor.SellExecutorApplication";
    private static final String CODE = "005930";
    private static final String ACCOUNT = "50012345";
    private static final int QTY = 10;
    private static final double SPEED = 4.0;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ScratchDatabase database;
    private static JdbcClient db;

    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ClosableTcpProxy proxy;
    private String clockKey;
    private int simPort;
    private ConfigurableApplicationContext sim;
    private StringRedisTemplate redis;

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.migrated("exits_e2e");
        db = database.jdbc();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void startSimulator() throws Exception {
        RealServices.flushRedis();
        for (String table : List.of("ORDER_LEDGER_MOCK", "ORDER_FILL_MOCK", "TRADELOG_MOCK",
                "ACTIVE_PORTFOLIO_MOCK")) {
            db.sql("DELETE FROM " + table).update();
        }
        URI root = URI.create(RealServices.database().rootJdbcUrl().substring("jdbc:".length()));
        proxy = new ClosableTcpProxy(root.getHost(), root.getPort());
        clockKey = "e2e:exits:clock:" + UUID.randomUUID();
        simPort = freePort();
        List<String> args = new ArrayList<>(common("kis-sim", simPort));
        args.add("--jennie.clock.publish=true");
        sim = start(KIS_SIM, args);
        redis = sim.getBean(StringRedisTemplate.class);
        admin("POST", "/admin/reset", "{\"paused\":false,\"seed\":42}");
    }

    @AfterEach
    void stopApps() {
        for (int i = apps.size() - 1; i >= 0; i--) {
            if (apps.get(i).isActive()) {
                apps.get(i).close();
            }
        }
        proxy.close();
    }

    @Test
    void aFallThroughTheStopSellsOnceClosesThePositionAndSetsTheCooldown() throws Exception {
        long buy = holdAtCurrentPrice();
        ConfigurableApplicationContext executor = start(SELL_EXECUTOR, common("sell-executor", 0));
        ConfigurableApplicationContext monitor = start(PRICE_MONITOR, common("price-monitor", 0));
        awaitWatching(monitor);

        fall(buy);

        awaitSellRecorded();
        holdOn(monitor, Duration.ofSeconds(90)); // long past the rewatch delay: no second sell
        assertOneSellClosedWithPnlAndCooldown(buy);
        assertThat(executor.isActive()).isTrue();
    }

    @Test
    void withTheSellExecutorDownForTwoMinutesTheSellHappensOnceWhenItComesBack() throws Exception {
        long buy = holdAtCurrentPrice();
        // the sell-executor has run before (its consumer group exists), then goes down
        start(SELL_EXECUTOR, common("sell-executor", 0)).close();
        ConfigurableApplicationContext monitor = start(PRICE_MONITOR, common("price-monitor", 0));
        awaitWatching(monitor);

        fall(buy);
        await(Duration.ofSeconds(60), () -> streamLength("stream:sell-orders") >= 1, "a SellOrder queued");
        holdOn(monitor, Duration.ofMinutes(2));
        assertThat(simSells()).as("no sell while the sell-executor is down").isEmpty();
        long queued = streamLength("stream:sell-orders");

        start(SELL_EXECUTOR, common("sell-executor", 0));
        awaitSellRecorded();
        holdOn(monitor, Duration.ofSeconds(60));
        System.err.println("sell-executor down 2 market minutes: " + queued + " SellOrder entries queued, "
                + streamLength("stream:sell-orders") + " in all");
        assertOneSellClosedWithPnlAndCooldown(buy);
    }

    @Test
    void withMariaDbDownDuringTheFallTheSellHappensAndTheRowsAppearWhenItIsBack() throws Exception {
        long buy = holdAtCurrentPrice();
        start(SELL_EXECUTOR, common("sell-executor", 0));
        ConfigurableApplicationContext monitor = start(PRICE_MONITOR, common("price-monitor", 0));
        awaitWatching(monitor);

        proxy.cut();
        fall(buy);
        await(Duration.ofSeconds(90), () -> simSells().stream().anyMatch(o -> o.get("filledQty").asLong() == QTY),
                "the sell filled at kis-sim while MariaDB is down");
        assertThat(brokerQty()).isZero();
        assertThat(sellRows()).as("no TRADELOG row while MariaDB is down").isZero();
        await(Duration.ofSeconds(60), () -> Boolean.TRUE.equals(redis.hasKey("stoploss_cooldown:" + CODE)),
                "the cooldown set at the fill while MariaDB is down");

        proxy.open();
        awaitSellRecorded();
        holdOn(monitor, Duration.ofSeconds(60));
        assertOneSellClosedWithPnlAndCooldown(buy);
    }

    // ------------------------------------------------------------------ steps

    /** Holds 10 × 005930 at kis-sim and in ACTIVE_PORTFOLIO_MOCK at the current price; returns that price. */
    private long holdAtCurrentPrice() throws Exception {
        long price = TickSize.roundDown(admin("GET", "/admin/prices/" + CODE, null).get("price").asLong());
        admin("PUT", "/admin/accounts/" + ACCOUNT + "/holdings/" + CODE,
                "{\"quantity\":" + QTY + ",\"avgPrice\":" + price + "}");
        db.sql("INSERT INTO ACTIVE_PORTFOLIO_MOCK (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                + "TOTAL_BUY_AMOUNT, CURRENT_HIGH_PRICE, CREATED_AT) VALUES (?, '삼성전자', ?, ?, ?, ?, "
                + "'2026-03-03 01:00:00')").params(CODE, QTY, price, price * QTY, price).update();
        return price;
    }

    /** Scripts kis-sim's next trades: −1 % a trade down to −10 %, then 30 trades at −10 %. */
    private void fall(long buy) throws Exception {
        List<Long> path = new ArrayList<>();
        for (int pct = 1; pct <= 10; pct++) {
            path.add(TickSize.roundDown(Math.round(buy * (1 - pct / 100.0))));
        }
        for (int i = 0; i < 30; i++) {
            path.add(path.get(path.size() - 1));
        }
        admin("POST", "/admin/prices/" + CODE, "{\"path\":" + path + "}");
    }

    private void awaitWatching(ConfigurableApplicationContext monitor) throws InterruptedException {
        await(Duration.ofSeconds(120), () -> {
            String beat = redis.opsForValue().get("monitoring:price_monitor");
            return beat != null && beat.contains("\"watching_count\":1");
        }, "price-monitor watching the position");
        long start = streamLength("kis:prices");
        await(Duration.ofSeconds(120), () -> streamLength("kis:prices") > start + 2, "ticks on kis:prices");
    }

    private void awaitSellRecorded() throws InterruptedException {
        await(Duration.ofSeconds(120), () -> sellRows() > 0 && portfolioQty() == 0,
                "TRADELOG_MOCK SELL and the position closed");
    }

    private void assertOneSellClosedWithPnlAndCooldown(long buy) {
        List<JsonNode> sells = simSells();
        assertThat(sells).as("sell orders at kis-sim").hasSize(1);
        assertThat(sells.get(0).get("quantity").asLong()).isEqualTo(QTY);
        assertThat(brokerQty()).isZero();
        assertThat(portfolioQty()).as("ACTIVE_PORTFOLIO_MOCK").isZero();
        assertThat(sellRows()).isEqualTo(1);
        var row = db.sql("SELECT QUANTITY, PRICE, REASON, KEY_METRICS_JSON FROM TRADELOG_MOCK WHERE STOCK_CODE = ? "
                + "AND TRADE_TYPE = 'SELL'").param(CODE).query((rs, n) -> List.of(rs.getLong(1), rs.getDouble(2),
                String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)))).single();
        assertThat((Long) row.get(0)).isEqualTo(QTY);
        double fill = (Double) row.get(1);
        assertThat(fill).as("sold at a loss on the fall").isLessThan(buy);
        // the fixed stop (−6 %) or, when kis-sim's daily bars give an ATR tighter than that, the ATR stop
        assertThat((String) row.get(2)).containsAnyOf("Fixed Stop Loss", "ATR Stop");
        JsonNode metrics = JSON.readTree((String) row.get(3));
        double gross = (fill - buy) * QTY;
        assertThat(metrics.get("profit_amount").isNumber()).as("net PnL in " + metrics).isTrue();
        assertThat(metrics.get("profit_amount").asDouble()).as("net of fee and tax").isLessThan(gross);
        String cooldown = redis.opsForValue().get("stoploss_cooldown:" + CODE);
        assertThat(cooldown).as("stop-loss cooldown").isNotNull().contains("\"cooldown_days\"");
        assertThat(redis.getExpire("stoploss_cooldown:" + CODE)).isPositive();
    }

    // ------------------------------------------------------------------ reads

    private List<JsonNode> simSells() {
        List<JsonNode> sells = new ArrayList<>();
        try {
            admin("GET", "/admin/orders?cano=" + ACCOUNT, null).forEach(o -> {
                if ("SELL".equals(o.get("side").asString()) && CODE.equals(o.get("code").asString())
                        && !o.get("cancel").asBoolean()) {
                    sells.add(o);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sells;
    }

    private long brokerQty() {
        try {
            for (JsonNode h : admin("GET", "/admin/accounts/" + ACCOUNT, null).get("holdings")) {
                if (CODE.equals(h.get("code").asString())) {
                    return h.get("quantity").asLong();
                }
            }
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long portfolioQty() {
        return db.sql("SELECT COALESCE(SUM(QUANTITY), 0) FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = ?")
                .param(CODE).query(Long.class).single();
    }

    private long sellRows() {
        return db.sql("SELECT COUNT(*) FROM TRADELOG_MOCK WHERE STOCK_CODE = ? AND TRADE_TYPE = 'SELL'").param(CODE)
                .query(Long.class).single();
    }

    private long streamLength(String stream) {
        Long n = redis.opsForStream().size(stream);
        return n == null ? 0 : n;
    }

    // ------------------------------------------------------------------ apps

    /** What every app is given: its name and port, the harness's Redis, the scratch DB behind the proxy, the clock. */
    private List<String> common(String name, int port) {
        var endpoint = RealServices.database();
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=mock", "--server.port=" + port,
                "--spring.application.name=" + name,
                "--spring.data.redis.url=" + RealServices.redis().url(),
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + database.name()
                        + "?connectTimeout=1000&socketTimeout=5000",
                "--spring.datasource.username=" + endpoint.user(),
                "--spring.datasource.password=" + endpoint.password(),
                "--spring.datasource.hikari.connection-timeout=2000",
                "--jennie.clock.start=2026-03-04T10:00:00+09:00", "--jennie.clock.speed=" + SPEED,
                "--jennie.clock.redis-key=" + clockKey,
                "--KIS_SIM_URL=http://127.0.0.1:" + simPort,
                // at 4× a tick's HHmmss (whole market seconds) plus the feed's latency on a shared 2-core machine
                // would exceed the 3 s default often enough to make the test flaky
                "--jennie.exits.max-tick-age=15s"));
        if (name.equals("sell-executor")) {
            // from sell-executor's application.properties, which the shared test classpath hides (e2e README)
            args.add("--jennie.orders.enabled=true");
        }
        return args;
    }

    private ConfigurableApplicationContext start(String mainClass, List<String> args) throws ClassNotFoundException {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Class.forName(mainClass))
                .run(args.toArray(String[]::new));
        apps.add(context);
        return context;
    }

    /** Waits until {@code market} time has passed on the app's market clock. */
    private static void holdOn(ConfigurableApplicationContext app, Duration market) throws InterruptedException {
        MarketClock clock = app.getBean(MarketClock.class);
        Instant until = clock.instant().plus(market);
        while (clock.instant().isBefore(until)) {
            Thread.sleep(200);
        }
    }

    private static void await(Duration max, BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private JsonNode admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + " " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
