package com.primejennie.e2e.tradingday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.SimulatedMarketClock;
import com.primejennie.shared.market.SimulationAnchor;
import com.primejennie.shared.testing.RealServices;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22 "Must show": a trading day of the whole suite. kis-sim and the nine services run as ten separate JVMs
 * started from their packaged jars in the {@code mock} profile, on a real Redis and MariaDB (the test harness's),
 * with a fake Telegram server and a fake OpenAI-compatible server over real HTTP, and the shared market clock
 * ({@code jennie:clock}) running a Wednesday from {@value #DEFAULT_DAY_START} KST at {@value #SPEED}x.
 *
 * <p>The morning: the scheduler's run-now starts the data jobs (stock master, daily prices, index, investor flows,
 * financials; scout-job's worker on {@code stream:jobs:data}) one after the other against kis-sim, then the scout job
 * ({@code stream:jobs:scout}), whose LLM analyst the fake OpenAI server answers; the scout publishes
 * {@code hot_watchlist:active}, and the three stocks of the day are taken from that list. kis-sim then holds every
 * watchlist stock at its price (a flat tape: RSI 100 fails the scanner's RSI guard, so nothing trades by chance) until
 * a round trip scripts its stock.
 *
 * <p>Three round trips, one after the other (so the variants cannot mask each other), each on its own stock:
 * <ol>
 *   <li>clean: a scripted rising zigzag at kis-sim (minute closes +2 steps, −1 step; RSI 66.7) → price-monitor's feed
 *       → buy-scanner's bars → a BuySignal (MOMENTUM: the last close ≥ 1.5 % above the first of the recent bars, or
 *       MOMENTUM_CONTINUATION_BULL in a bull market) once it holds 20 bars → buy-executor buys at kis-sim → the
 *       position on the dashboard API → a scripted fall → price-monitor's stop → sell-executor sells → TRADELOG has
 *       BUY and SELL at the filled prices with net PnL, Telegram received both messages;</li>
 *   <li>buy-executor killed (SIGKILL) while its order hangs at kis-sim, restarted: one order, one BUY, one SELL;</li>
 *   <li>sell-executor killed (SIGKILL) while its sell order hangs at kis-sim, restarted: one sell, one SELL row.</li>
 * </ol>
 * And at the end: no dead letters on any stream, every process still alive, memory per process printed. Every
 * variant is strict: money (kis-sim orders, TRADELOG, positions) and exactly one Telegram message per fill - after a
 * kill the order service's background settler sends it (see {@link #telegram}).
 *
 * <p>Part of {@code ./mvnw -B verify} (the reactor packages every app before this module). About eight minutes on two
 * shared cores (494 s measured): start-up 1.5 min, data jobs and scout 0.5 min, the first stock's 20 bars 2 min, each
 * round trip 2 min. Alone, after {@code ./mvnw -B package -DskipTests}: {@code ./mvnw -B -o -pl e2e test
 * -Dtest=TradingDayTest} (logs of the ten processes in {@code e2e/target/trading-day}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingDayTest {

    static final double SPEED = 10.0;
    static final String DEFAULT_DAY_START = "2026-03-04T08:40:00+09:00";
    /**
     * A Wednesday and KRX trading day, before the open: the ten JVMs start while the clock runs (at 10x a minute of
     * start-up is ten market minutes), the data jobs and the scout run in the morning, and the scanner buys only in
     * 09:15–14:00 KST (no-trade window, danger zone) once a stock holds 20 bars of the feed. Starting earlier only
     * adds waiting: the first signal comes 20 bars after the open or after the watchlist, whichever is later.
     */
    static final String DAY_START = System.getProperty("jennie.e2e.day-start", DEFAULT_DAY_START);
    static final java.time.LocalTime OPEN = java.time.LocalTime.of(9, 0);
    static final String ACCOUNT = "50012345";
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(Long.getLong("jennie.e2e.step-timeout-seconds", 150));
    /** A data job or the scout run, started by the scheduler, until its result is on {@code stream:jobs:results}. */
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(Long.getLong("jennie.e2e.job-timeout-seconds", 420));
    /** The dashboard's operator login for this run (the API refuses every login without a configured password). */
    static final String DASHBOARD_USER = "admin";
    static final String DASHBOARD_PASSWORD = "e2e-" + java.util.UUID.randomUUID();
    /** How long kis-sim holds a price it was told to hold: three market hours, one trade per market second. */
    static final int HOLD_TRADES = 3 * 3600;
    /** How long kis-sim holds the order request of a killed executor (the kill comes within a poll of the hold). */
    static final long ORDER_HOLD_MILLIS = 6_000;

    /** Ten JVMs starting at once on two cores take minutes when the machine is shared; generous by default. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("jennie.e2e.ready-timeout-seconds", 900));

    static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("kis-sim", "infrastructure/kis-sim");
        for (String app : List.of("buy-scanner", "buy-executor", "sell-executor", "price-monitor", "command-handler",
                "scout-job", "scheduler-service", "news-archiver", "dashboard-backend")) {
            MODULES.put(app, app);
        }
    }

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getFileName().toString().equals("e2e")
            ? Path.of(System.getProperty("user.dir")).getParent() : Path.of(System.getProperty("user.dir"));
    static final Path WORK = ROOT.resolve("e2e/target/trading-day");

    static final Map<String, AppProcess> apps = new LinkedHashMap<>();
    static final Map<String, long[]> memory = new LinkedHashMap<>();
    /** The three stocks of the day, taken from the watchlist the scout published, and that watchlist. */
    static final List<String> picked = new ArrayList<>();
    static HotWatchlist watchlist;
    static FakeHttpParties fakes;
    static RedisClient redisClient;
    static StatefulRedisConnection<String, String> redisConnection;
    static RedisCommands<String, String> redis;
    static JdbcTemplate jdbc;
    static MarketClock clock;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static long startedNanos;

    @BeforeAll
    static void startTheSuite() throws Exception {
        startedNanos = System.nanoTime();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (var module : MODULES.entrySet()) {
            jars.put(module.getKey(), AppProcess.runnableJar(ROOT, module.getValue()));
        }
        Files.createDirectories(WORK);
        try (var old = Files.list(WORK)) {
            for (Path p : old.toList()) {
                if (p.toString().endsWith(".log")) {
                    Files.delete(p);
                }
            }
        }
        fakes = new FakeHttpParties();

        var redisEndpoint = RealServices.redis();
        var db = RealServices.database();
        redisClient = RedisClient.create(redisEndpoint.url());
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
        jdbc = new JdbcTemplate(dataSource);

        // The shared market clock: one anchor for every app, kis-sim and every restarted process, also published
        // under jennie:clock for whatever reads the running simulation from Redis.
        SimulationAnchor anchor = new SimulationAnchor(SimulationAnchor.parseTime(DAY_START), Instant.now(), SPEED);
        redis.set("jennie:clock", "{\"start\":\"" + anchor.start() + "\",\"anchor\":\"" + anchor.anchor()
                + "\",\"speed\":" + SPEED + "}");
        clock = new SimulatedMarketClock(anchor);

        Map<String, Integer> ports = new HashMap<>();
        for (String app : MODULES.keySet()) {
            ports.put(app, freePort());
        }
        List<String> common = List.of("--spring.profiles.active=mock",
                "--spring.data.redis.url=" + redisEndpoint.url(), "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                // start and anchor given: every process computes the same simulated instant without asking Redis
                "--jennie.clock.start=" + DAY_START, "--jennie.clock.anchor=" + anchor.anchor(),
                "--jennie.clock.speed=" + SPEED,
                // ten JVMs starting at once on two cores: a longer first connection than 2 s (as common.env)
                "--spring.data.redis.connect-timeout=10s",
                "--jennie.telegram.base-url=" + fakes.telegramUrl(), "--jennie.telegram.bot-token=e2e-token",
                "--jennie.telegram.chat-id=4242",
                // exits re-read the held positions every 3 s instead of 30 s: the day runs at 10x
                "--jennie.exits.position-refresh=3s",
                // kis-sim answers 20 requests a second (KIS's real-account limit); the suite's budget on its key is
                // the paper server's 2/s by default, which would make the data jobs' first back-fill take minutes
                "--jennie.kis.paper.requests-per-second=18",
                // a killed executor's order is taken over by another process's settler once its lease ends: 25 s
                // instead of 60 s, still longer than the worst-case send (10 s rate wait + 3 s connect + 5 s read)
                "--jennie.orders.lease=25s");
        Map<String, String> env = new HashMap<>();
        env.put("KIS_SIM_URL", "http://127.0.0.1:" + ports.get("kis-sim"));
        env.put("PRICE_MONITOR_URL", "http://127.0.0.1:" + ports.get("price-monitor"));
        env.put("SELL_EXECUTOR_URL", "http://127.0.0.1:" + ports.get("sell-executor"));
        env.put("SCHEDULER_SCOPE", "mock");
        env.put("NEWS_INDEX_PATH", WORK.resolve("news-index").toString());
        env.put("NEWS_ARCHIVER_URL", "http://127.0.0.1:" + ports.get("news-archiver"));
        env.put("DASHBOARD_USERNAME", DASHBOARD_USER);
        env.put("DASHBOARD_PASSWORD", DASHBOARD_PASSWORD);
        env.put("VLLM_LLM_URL", fakes.openAiUrl());
        env.put("VLLM_EMBED_URL", fakes.openAiUrl());
        for (String tier : List.of("FAST", "REASONING", "THINKING")) {
            env.put("TIER_" + tier + "_PROVIDER", "openai");
            env.put("TIER_" + tier + "_API_BASE", fakes.openAiUrl());
            env.put("TIER_" + tier + "_API_KEY", "EMPTY");
            env.put("TIER_" + tier + "_MODEL_NAME", "mock-model");
        }
        for (String app : MODULES.keySet()) {
            apps.put(app, new AppProcess(app, jars.get(app), ports.get(app), AppProcess.jvmFlags(ROOT), common, env,
                    WORK));
        }

        // kis-sim first (the others' KIS client and feed need it), then the nine at once.
        apps.get("kis-sim").start();
        awaitReady(List.of(apps.get("kis-sim")), READY_TIMEOUT);
        admin("POST", "/admin/reset", "{\"seed\":42}");
        for (AppProcess app : apps.values()) {
            if (!app.alive()) {
                app.start();
            }
        }
        awaitReady(apps.values(), READY_TIMEOUT);
        System.out.printf("trading day: suite ready in %d s (market time %s)%n", elapsedSeconds(), now());
        Thread.sleep(3_000);
        apps.forEach((name, app) -> memory.put(name, new long[] {app.rssKib(), -1}));
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        try {
            apps.forEach((name, app) -> memory.computeIfAbsent(name, k -> new long[] {-1, -1})[1] = app.rssKib());
            printMemory();
            System.out.printf("trading day: %d s in all%n", elapsedSeconds());
        } finally {
            // all at once (each drains for up to 30 s), kis-sim last so no service sees its broker vanish mid-call
            List<Thread> stops = new ArrayList<>();
            for (AppProcess app : apps.values()) {
                if (!app.name().equals("kis-sim")) {
                    Thread stop = new Thread(() -> stopQuietly(app), "stop-" + app.name());
                    stop.start();
                    stops.add(stop);
                }
            }
            for (Thread t : stops) {
                t.join();
            }
            if (apps.containsKey("kis-sim")) {
                stopQuietly(apps.get("kis-sim"));
            }
            if (redisConnection != null) {
                redisConnection.close();
                redisClient.shutdown();
            }
            if (fakes != null) {
                fakes.close();
            }
        }
    }

    @Test
    @Order(1)
    void theDataJobsAndTheScoutRunByTheSchedulerPublishTheHotWatchlistTheDayTradesFrom() throws Exception {
        for (String job : List.of(JobIds.DATA_STOCK_MASTER, JobIds.DATA_DAILY_PRICES, JobIds.DATA_INDEX_PRICES,
                JobIds.DATA_INVESTOR_FLOWS, JobIds.DATA_FINANCIALS)) {
            JobResult result = runJob(job);
            assertThat(result.status()).as(job + ": " + result).isEqualTo(JobResult.Status.SUCCEEDED);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM STOCK_DAILY_PRICES_3Y", Long.class))
                .as("daily prices written by data-daily-prices").isPositive();

        JobResult scout = runJob(JobIds.SCOUT);
        assertThat(scout.status()).as("scout-job: " + scout).isIn(JobResult.Status.SUCCEEDED,
                JobResult.Status.SKIPPED);
        String version = await(() -> redis.get(HotWatchlist.ACTIVE_KEY), "hot_watchlist:active from scout-job");
        watchlist = WireJson.mapper().readValue(redis.get(version), HotWatchlist.class);
        System.out.printf("trading day: scout %s at market %s: %s, regime %s, %d stocks %s; LLM calls %d%n",
                scout.status(), now(), version, watchlist.marketRegime(), watchlist.stocks().size(),
                watchlist.stocks().stream().map(st -> st.code() + "(" + st.hybridScore() + "," + st.tradeTier() + ")")
                        .toList(), fakes.analystCalls());
        assertThat(fakes.analystCalls()).as("the scout's LLM analyst asked the fake OpenAI server").isPositive();
        assertThat(watchlist.stocks()).as("stocks the scout approved").hasSizeGreaterThanOrEqualTo(3);

        // every watchlist stock held at its price (see the class comment); the day's stocks: the best ranked three
        // with a price the account can buy a few shares of
        for (HotWatchlist.Stock stock : watchlist.stocks()) {
            hold(stock.code(), priceAtSim(stock.code()));
        }
        for (HotWatchlist.Stock stock : watchlist.stocks()) {
            if (picked.size() < 3 && priceAtSim(stock.code()) <= 500_000) {
                picked.add(stock.code());
            }
        }
        assertThat(picked).as("three stocks of the watchlist under 500,000 KRW").hasSize(3);
        System.out.printf("trading day: the day's stocks %s (%d s)%n", picked, elapsedSeconds());
    }

    @Test
    @Order(2)
    void aStockOnTheHotWatchlistIsBoughtAtKisSimStoppedOutAndSoldWithBothTradesInTradelogAndTelegram()
            throws Exception {
        roundTrip(pick(0), Kill.NONE);
    }

    @Test
    @Order(3)
    void buyExecutorKilledWhileItsOrderIsInFlightAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
        roundTrip(pick(1), Kill.BUY_EXECUTOR);
    }

    @Test
    @Order(4)
    void sellExecutorKilledDuringTheExitAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
        roundTrip(pick(2), Kill.SELL_EXECUTOR);
    }

    @Test
    @Order(5)
    void theDayEndsWithNoDeadLettersAndEveryProcessAlive() {
        List<String> dead = new ArrayList<>();
        for (String key : redis.keys("*:dead")) {
            Long length = redis.xlen(key);
            if (length != null && length > 0) {
                dead.add(key + "=" + length + " " + redis.xrange(key, Range.create("-", "+")));
            }
        }
        assertThat(dead).as("dead-letter streams").isEmpty();
        apps.forEach((name, app) -> assertThat(app.alive()).as(name + " alive; log:\n" + app.tail(40)).isTrue());
    }

    enum Kill { NONE, BUY_EXECUTOR, SELL_EXECUTOR }

    private static void stopQuietly(AppProcess app) {
        try {
            app.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String pick(int i) {
        assertThat(picked).as("the day's stocks from the scout's watchlist (test 1)").hasSizeGreaterThan(i);
        return picked.get(i);
    }

    private void roundTrip(String code, Kill kill) throws Exception {
        long t0 = System.nanoTime();
        long base = priceAtSim(code);
        long tick = tickSize(base * 110 / 100);
        long step = Math.max(tick, Math.round(base * 0.004 / tick) * tick);

        // 1. scripted prices at kis-sim: a rising zigzag of minute closes, which the feed turns into ticks and the
        //    scanner into bars; it signals once the stock holds 20 bars and the gain over the recent bars is >= 1.5 %
        //    (a step is 0.4 %: the eighth bar of a stock held flat before, the 20th of the first stock, below the 7 %
        //    chase cap until the 34th)
        if (kill == Kill.BUY_EXECUTOR) {
            fault("DELAYED_ACCEPT", "order-cash", ORDER_HOLD_MILLIS);
        }
        admin("POST", "/admin/prices/" + code, "{\"path\":" + zigzag(base, step, 40) + ",\"replace\":true}");
        // the first stock has no bars before the open or the watchlist: the signal comes 20 market minutes later
        ZonedDateTime barsFrom = now().toLocalTime().isBefore(OPEN) ? now().with(OPEN) : now();
        Duration toTwentyBars = Duration.ofMillis((long) (Duration.between(now(), barsFrom.plusMinutes(21)).toMillis()
                / SPEED));
        StreamMessage<String, String> signal = await(() -> lastEntryFor(BuySignal.STREAM, code), "a BuySignal for "
                + code + " on " + BuySignal.STREAM, STEP_TIMEOUT.plus(toTwentyBars));
        String body = signal.getBody().toString();
        assertThat(body).contains(code);
        java.util.regex.Matcher type = java.util.regex.Pattern.compile("\"buy_signal_type\"\\s*:\\s*\"([A-Z_0-9]+)\"")
                .matcher(body);
        System.out.printf("trading day: %s BuySignal %s at market %s, %.1f %% above %d (%d s)%n", code,
                type.find() ? type.group(1) : "?", now(), (priceAtSim(code) - base) * 100.0 / base, base,
                (System.nanoTime() - t0) / 1_000_000_000);
        long live = priceAtSim(code);
        hold(code, live);

        // 2. buy-executor buys at kis-sim (in variant 2 it is killed while the order hangs at kis-sim, then restarted)
        if (kill == Kill.BUY_EXECUTOR) {
            killDuringOrder("buy-executor");
        }
        await(() -> heldQuantity(code) > 0 ? heldQuantity(code) : null, "a position in " + code);
        long quantity = heldQuantity(code);
        List<JsonNode> buys = simOrders(code, "BUY");
        await(() -> filledQty(code, "BUY") == quantity ? Boolean.TRUE : null, "kis-sim fills of the buy of " + code);
        assertThat(buys).as("kis-sim buy orders of " + code).hasSize(1);

        // 3. the position appears on the dashboard API
        positionOnDashboard(code, quantity);

        // 4. a scripted fall through the stop: price-monitor queues a SellOrder, sell-executor sells
        long buyPrice = avgFillPrice(code, "BUY");
        long stop = (buyPrice * 92 / 100) / tickSize(buyPrice) * tickSize(buyPrice);
        if (kill == Kill.SELL_EXECUTOR) {
            fault("DELAYED_ACCEPT", "order-cash", ORDER_HOLD_MILLIS);
        }
        List<Long> fall = new ArrayList<>();
        for (long p = live; p > stop; p -= 2 * step) {
            fall.add(p);
        }
        for (int i = 0; i < HOLD_TRADES; i++) {
            fall.add(stop);
        }
        admin("POST", "/admin/prices/" + code, "{\"path\":" + fall + ",\"replace\":true}");
        await(() -> lastEntryFor(SellOrder.STREAM, code), "a SellOrder for " + code + " on " + SellOrder.STREAM);
        if (kill == Kill.SELL_EXECUTOR) {
            killDuringOrder("sell-executor");
        }
        await(() -> heldQuantity(code) == 0 && tradelogCount(code, "SELL") >= 1 ? Boolean.TRUE : null,
                "the SELL of " + code + " in TRADELOG_MOCK and no position left");
        Thread.sleep(3_000); // a duplicate would show within the settle interval

        // 5. TRADELOG: exactly one BUY and one SELL at the filled prices, the SELL with net PnL; kis-sim: one each
        assertThat(simOrders(code, "BUY")).as("kis-sim buy orders of " + code).hasSize(1);
        assertThat(simOrders(code, "SELL")).as("kis-sim sell orders of " + code).hasSize(1);
        assertThat(tradelogCount(code, "BUY")).as("TRADELOG BUY rows of " + code).isEqualTo(1);
        assertThat(tradelogCount(code, "SELL")).as("TRADELOG SELL rows of " + code).isEqualTo(1);
        Map<String, Object> buyRow = jdbc.queryForMap("SELECT QUANTITY, PRICE FROM TRADELOG_MOCK WHERE STOCK_CODE = ? "
                + "AND TRADE_TYPE = 'BUY'", code);
        Map<String, Object> sellRow = jdbc.queryForMap("SELECT QUANTITY, PRICE, KEY_METRICS_JSON FROM TRADELOG_MOCK "
                + "WHERE STOCK_CODE = ? AND TRADE_TYPE = 'SELL'", code);
        assertThat(((Number) buyRow.get("QUANTITY")).longValue()).isEqualTo(quantity);
        assertThat(((Number) sellRow.get("QUANTITY")).longValue()).isEqualTo(quantity);
        assertThat(BigDecimal.valueOf(((Number) buyRow.get("PRICE")).doubleValue()))
                .isEqualByComparingTo(BigDecimal.valueOf(avgFillPrice(code, "BUY")));
        assertThat(BigDecimal.valueOf(((Number) sellRow.get("PRICE")).doubleValue()))
                .isEqualByComparingTo(BigDecimal.valueOf(avgFillPrice(code, "SELL")));
        JsonNode metrics = WireJson.mapper().readTree(String.valueOf(sellRow.get("KEY_METRICS_JSON")));
        assertThat(metrics.has("profit_amount") && !metrics.get("profit_amount").isNull())
                .as("net PnL in the SELL row: " + metrics).isTrue();
        double net = metrics.get("profit_amount").asDouble();
        double gross = (avgFillPrice(code, "SELL") - avgFillPrice(code, "BUY")) * (double) quantity;
        assertThat(net).as("net PnL below gross (fees and tax deducted): " + metrics).isLessThan(gross);

        // 6. Telegram received the buy and the sell message
        telegram(code, "매수 체결", kill == Kill.BUY_EXECUTOR ? "buy-executor" : null);
        telegram(code, "매도 체결", kill == Kill.SELL_EXECUTOR ? "sell-executor" : null);

        System.out.printf("trading day: %s (%s) bought %d @ %d, sold @ %d, net %.0f KRW, in %d s real, market %s%n",
                code, kill, quantity, avgFillPrice(code, "BUY"), avgFillPrice(code, "SELL"), net,
                (System.nanoTime() - t0) / 1_000_000_000, now());
    }

    /**
     * Telegram received {@code text} for {@code code} exactly once. Where {@code killed} names the executor SIGKILLed
     * during that order, its handler never sent the message: the order service's background settler (in whichever
     * process takes the order over once the dead handler's lease and watch have run out) completes the order and
     * sends it, marked as completed in the background; the claim in the order book keeps it to one message.
     */
    private static void telegram(String code, String text, String killed) throws Exception {
        java.util.function.Supplier<List<String>> sent = () -> fakes.telegramTexts().stream()
                .filter(t -> t.contains(text) && t.contains(code)).toList();
        try {
            await(() -> sent.get().isEmpty() ? null : Boolean.TRUE, "the Telegram message '" + text + "' of " + code
                    + (killed == null ? "" : " (sent by the settler after " + killed + " was killed)"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\norder book of " + code + ": " + orderBook(code)
                    + "\nTelegram: " + fakes.telegramTexts(), e);
        }
        Thread.sleep(2_000); // a second sender would show within a settler round
        assertThat(sent.get()).as("Telegram '" + text + "' messages of " + code).hasSize(1);
        if (killed != null) {
            assertThat(sent.get().get(0)).as("the settler's message after " + killed + " was killed")
                    .contains("백그라운드 정산");
        }
    }

    /** The order hashes of {@code code} and the pending fill messages in Redis, for a failure message. */
    private static String orderBook(String code) {
        StringBuilder b = new StringBuilder();
        for (String key : redis.keys("*order:*")) {
            if (!"hash".equals(redis.type(key))) {
                continue;
            }
            Map<String, String> hash = redis.hgetall(key);
            if (code.equals(hash.get("code")) || String.valueOf(hash).contains(code)) {
                b.append("\n  ").append(key).append(' ').append(hash);
            }
        }
        for (String key : redis.keys("*fill-notices")) {
            b.append("\n  ").append(key).append(' ').append(redis.smembers(key));
        }
        b.append("\n  redis time ").append(redis.time());
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ the day's pieces

    /**
     * Starts {@code jobId} through scheduler-service's run-now ({@code POST /jobs/{id}/run}, published on the job's
     * stream as a cron fire would be) and waits for its outcome on {@code stream:jobs:results}.
     */
    private static JobResult runJob(String jobId) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> run = send("POST", apps.get("scheduler-service").port(), "/jobs/" + jobId + "/run", "{}");
        assertThat(run.statusCode()).as("scheduler run-now of " + jobId + ": " + run.body()).isBetween(200, 299);
        String runId = WireJson.mapper().readTree(run.body()).path("run_id").asString();
        assertThat(runId).as("run_id of " + jobId + " in " + run.body()).isNotBlank();
        JobResult result = await(() -> {
            JobResult last = null;
            for (StreamMessage<String, String> e : redis.xrange(JobIds.RESULTS_STREAM, Range.create("-", "+"))) {
                JobResult r = WireJson.mapper().readValue(e.getBody().get("payload"), JobResult.class);
                if (runId.equals(r.runId())) {
                    last = r;
                }
            }
            // a failed attempt may be retried under the same run id (retry_limit 1): wait for the last word
            boolean failed = last != null && (last.status() == JobResult.Status.FAILED
                    || last.status() == JobResult.Status.TIMED_OUT);
            boolean settled = last != null && (!failed || (last.attempt() != null && last.attempt() > 1));
            return settled ? last : null;
        }, "the outcome of " + jobId + " (run " + runId + ") on " + JobIds.RESULTS_STREAM, JOB_TIMEOUT);
        System.out.printf("trading day: %s %s in %d s (market %s): %s%n", jobId, result.status(),
                (System.nanoTime() - t0) / 1_000_000_000, now(), result.message());
        return result;
    }

    /** kis-sim trades {@code code} at {@code price} for the next {@link #HOLD_TRADES} trades. */
    private static void hold(String code, long price) throws Exception {
        admin("POST", "/admin/prices/" + code, "{\"path\":" + repeat(price, HOLD_TRADES) + ",\"replace\":true}");
    }

    /**
     * {@code bars} minute closes of a rising zigzag from {@code base} (+2 steps, −1 step: net one step every two
     * bars, RSI 66.7 under the scanner's RSI guard of 70), each held for a minute of trades (one per market second),
     * starting at the next minute, then the last close held.
     */
    private static List<Long> zigzag(long base, long step, int bars) {
        List<Long> path = new ArrayList<>();
        ZonedDateTime at = now();
        int pad = at.toLocalTime().isBefore(OPEN) ? 0 : 60 - at.getSecond();
        for (int i = 0; i < pad; i++) {
            path.add(base);
        }
        long close = base;
        for (int i = 1; i <= bars; i++) {
            close = base + step * (i / 2) + (i % 2 == 1 ? 2 * step : 0);
            for (int t = 0; t < 60; t++) {
                path.add(close);
            }
        }
        for (int i = 0; i < HOLD_TRADES; i++) {
            path.add(close);
        }
        return path;
    }

    /**
     * The position appears on the dashboard API: {@code GET /api/portfolio/positions} with the bearer token of the
     * operator's login ({@code POST /api/auth/login}; the password is this run's, given to the process).
     */
    private static void positionOnDashboard(String code, long quantity) throws Exception {
        int port = apps.get("dashboard-backend").port();
        HttpResponse<String> login = send("POST", port, "/api/auth/login", "{\"username\":\"" + DASHBOARD_USER
                + "\",\"password\":\"" + DASHBOARD_PASSWORD + "\"}");
        assertThat(login.statusCode()).as("dashboard login: " + login.body()).isEqualTo(200);
        String token = WireJson.mapper().readTree(login.body()).path("access_token").asString();
        HttpResponse<String> anonymous = send("GET", port, "/api/portfolio/positions", null);
        assertThat(anonymous.statusCode()).as("positions without a token").isEqualTo(401);
        JsonNode shown = await(() -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/portfolio/positions")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("GET /api/portfolio/positions: " + answer.body()).isEqualTo(200);
            for (JsonNode p : WireJson.mapper().readTree(answer.body())) {
                if (code.equals(p.path("stock_code").asString())) {
                    return p;
                }
            }
            return null;
        }, code + " on the dashboard's /api/portfolio/positions");
        assertThat(shown.path("quantity").asLong()).as("dashboard position " + shown).isEqualTo(quantity);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Waits until kis-sim has taken the planned fault (the order request arrived and is being held), then SIGKILLs
     * {@code app}, lets the held request go through at kis-sim (the order is placed while the app is dead), and starts
     * the app again.
     */
    private static void killDuringOrder(String app) throws Exception {
        await(() -> admin("GET", "/admin/faults", null).equals("[]") ? Boolean.TRUE : null,
                app + "'s order request held at kis-sim");
        apps.get(app).kill();
        System.out.printf("trading day: %s killed (SIGKILL) with its order in flight at market %s%n", app, now());
        Thread.sleep(ORDER_HOLD_MILLIS + 1_000); // the held order goes through at kis-sim while the app is dead
        apps.get(app).start();
        awaitReady(List.of(apps.get(app)), READY_TIMEOUT);
        System.out.printf("trading day: %s restarted and ready at market %s%n", app, now());
    }

    private static void fault(String kind, String path, long holdMillis) throws Exception {
        admin("POST", "/admin/faults", "{\"kind\":\"" + kind + "\",\"count\":1,\"path\":\"" + path
                + "\",\"holdMillis\":" + holdMillis + "}");
    }

    private static StreamMessage<String, String> lastEntryFor(String stream, String code) {
        List<StreamMessage<String, String>> entries = redis.xrevrange(stream, Range.create("-", "+"));
        for (StreamMessage<String, String> e : entries) {
            if (e.getBody().toString().contains("\"" + code + "\"") || code.equals(e.getBody().get("code"))) {
                return e;
            }
        }
        return null;
    }

    private static long heldQuantity(String code) {
        Long q = jdbc.queryForObject("SELECT COALESCE(SUM(QUANTITY), 0) FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = ?",
                Long.class, code);
        return q == null ? 0 : q;
    }

    private static long tradelogCount(String code, String type) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM TRADELOG_MOCK WHERE STOCK_CODE = ? AND TRADE_TYPE = ?",
                Long.class, code, type);
        return n == null ? 0 : n;
    }

    private static List<JsonNode> simOrders(String code, String side) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode o : WireJson.mapper().readTree(admin("GET", "/admin/orders?cano=" + ACCOUNT, null))) {
            if (o.get("code").asString().equals(code) && o.get("side").asString().equals(side)
                    && !o.get("cancel").asBoolean()) {
                list.add(o);
            }
        }
        return list;
    }

    private static long filledQty(String code, String side) throws Exception {
        long q = 0;
        for (JsonNode f : fills(code, side)) {
            q += f.get("quantity").asLong();
        }
        return q;
    }

    /** Volume-weighted average price of kis-sim's fills, rounded to the won as the ledger keeps it. */
    private static long avgFillPrice(String code, String side) throws Exception {
        long q = 0;
        long amount = 0;
        for (JsonNode f : fills(code, side)) {
            q += f.get("quantity").asLong();
            amount += f.get("quantity").asLong() * f.get("price").asLong();
        }
        return q == 0 ? 0 : Math.round((double) amount / q);
    }

    private static List<JsonNode> fills(String code, String side) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode f : WireJson.mapper().readTree(admin("GET", "/admin/fills?cano=" + ACCOUNT, null))) {
            if (f.get("code").asString().equals(code) && f.get("side").asString().equals(side)) {
                list.add(f);
            }
        }
        return list;
    }

    private static long priceAtSim(String code) throws Exception {
        return WireJson.mapper().readTree(admin("GET", "/admin/prices/" + code, null)).get("price").asLong();
    }

    /** KRX tick size of a KOSPI price. */
    static long tickSize(long price) {
        if (price < 2_000) {
            return 1;
        } else if (price < 5_000) {
            return 5;
        } else if (price < 20_000) {
            return 10;
        } else if (price < 50_000) {
            return 50;
        } else if (price < 200_000) {
            return 100;
        } else if (price < 500_000) {
            return 500;
        }
        return 1_000;
    }

    private static String repeat(long price, int times) {
        List<Long> path = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            path.add(price);
        }
        return path.toString();
    }

    private static ZonedDateTime now() {
        return clock.instant().atZone(MarketClock.KST);
    }

    private static long elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000;
    }

    private static String admin(String method, String path, String json) throws Exception {
        HttpResponse<String> answer = send(method, apps.get("kis-sim").port(), path, json);
        assertThat(answer.statusCode()).as(method + " " + path + " " + answer.body()).isBetween(200, 299);
        return answer.body();
    }

    private static HttpResponse<String> send(String method, int port, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code step} until it gives a non-null value; fails naming {@code what} and the processes' health. */
    private static <T> T await(CheckedSupplier<T> step, String what) throws Exception {
        return await(step, what, STEP_TIMEOUT);
    }

    private static <T> T await(CheckedSupplier<T> step, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = step.get();
            if (value != null) {
                return value;
            }
            for (AppProcess app : apps.values()) {
                if (!app.alive() && app.starts() > 0) {
                    // a process that died on its own (not one a variant killed and restarts) fails the day now
                    throw new AssertionError(app.name() + " died while waiting for " + what + "; log:\n"
                            + app.tail(60));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s (market time "
                        + now() + "); logs in " + WORK);
            }
            Thread.sleep(250);
        }
    }

    private static void awaitReady(Iterable<AppProcess> group, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        List<AppProcess> pending = new ArrayList<>();
        group.forEach(pending::add);
        while (!pending.isEmpty()) {
            for (AppProcess app : List.copyOf(pending)) {
                if (!app.alive()) {
                    throw new AssertionError(app.name() + " exited during start-up; log:\n" + app.tail(80));
                }
                if (app.ready()) {
                    pending.remove(app);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready within " + max.toSeconds() + " s: "
                        + pending.stream().map(AppProcess::name).toList() + "; logs in " + WORK);
            }
            Thread.sleep(500);
        }
    }

    private static void printMemory() {
        long start = 0;
        long end = 0;
        System.out.println("trading day memory (RSS, MiB): service  after-start  end-of-day");
        for (var e : memory.entrySet()) {
            long[] kib = e.getValue();
            System.out.printf("  %-18s %6s %6s%n", e.getKey(), mib(kib[0]), mib(kib[1]));
            start += Math.max(0, kib[0]);
            end += Math.max(0, kib[1]);
        }
        System.out.printf("  %-18s %6s %6s%n", "suite", mib(start), mib(end));
    }

    private static String mib(long kib) {
        return kib < 0 ? "-" : Long.toString(kib / 1024);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @FunctionalInterface
    interface CheckedSupplier<T> {
        T get() throws Exception;
    }
}
