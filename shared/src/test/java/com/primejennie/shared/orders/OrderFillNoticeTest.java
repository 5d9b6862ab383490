package com.primejennie.shared.orders;

import static com.primejennie.shared.kis.FakeKis.CCLD;
import static com.primejennie.shared.kis.FakeKis.ORDER;
import static com.primejennie.shared.kis.FakeKis.orderAccepted;
import static com.primejennie.shared.kis.FakeKis.orders;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.primejennie.shared.kis.FakeKis;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisProperties;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.notify.MuteSwitch;
import com.primejennie.shared.notify.TelegramNotifier;
import com.primejennie.shared.notify.TelegramProperties;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.trading.TradingCosts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The fill message of an order whose handler stopped (its executor killed while the order was in flight): the
 * background settler of another process completes the order and, once nobody watches it any more, sends the fill
 * message the handler never will; while the handler watches, the handler sends and the settler stays silent. Two
 * processes are two {@link KisOrderService}s on the same Redis and MariaDB; KIS and Telegram are faked over HTTP.
 */
class OrderFillNoticeTest {

    private static final OrderScope SCOPE = new OrderScope("MOCK", KisTestKit.ACCOUNT);
    private static final String BUY_NO = "0000000101";
    private static final String SELL_NO = "0000000102";

    private static ScratchDatabase database;
    private static JdbcClient db;

    private KisTestKit kit;
    private FakeKis kis;
    private KisComponents components;
    private MockWebServer telegram;
    private final List<String> telegramTexts = new CopyOnWriteArrayList<>();
    private TelegramNotifier notifier;

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.migrated("orphanfill");
        db = database.jdbc();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        kit = new KisTestKit();
        kit.clearKisKeys();
        var keys = kit.redis().keys("orders:*");
        if (keys != null && !keys.isEmpty()) {
            kit.redis().delete(keys);
        }
        for (String table : List.of("ORDER_LEDGER_MOCK", "ORDER_FILL_MOCK", "TRADELOG_MOCK",
                "ACTIVE_PORTFOLIO_MOCK")) {
            db.sql("DELETE FROM " + table).update();
        }
        kis = new FakeKis();
        KisProperties props = KisTestKit.properties(kis.url(), 1000)
                .withBreaker(new KisProperties.Breaker(0, 0, 0, null, 0));
        components = kit.components(props, KisMode.PAPER);
        telegram = new MockWebServer();
        telegram.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                telegramTexts.add(kit.json().readTree(request.getBody().readUtf8()).path("text").asString());
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"ok\":true,\"result\":{\"message_id\":1}}");
            }
        });
        telegram.start();
        String muteKey = "notification:mute:orphan-test";
        notifier = new TelegramNotifier(new TelegramProperties(URI.create(telegram.url("/").toString()),
                "7012345678:AAH-test-token_xyz", "123456789", Duration.ofSeconds(5), muteKey),
                new MuteSwitch(kit.redis(), muteKey, kit.clock()), new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() throws Exception {
        telegram.shutdown();
        kis.close();
        kit.close();
    }

    // ------------------------------------------------------------------ fixtures

    /** One process's order service (its own lease tokens), as every executor builds it. */
    private KisOrderService process(OrderProperties props) {
        return process(props, database.dataSource());
    }

    private KisOrderService process(OrderProperties props, DataSource dataSource) {
        return new KisOrderService(components.client(), book(), new OrderLedger(dataSource, kit.clock(),
                TradingCosts.DEFAULT, kit.json(), SCOPE), () -> false, notifier, kit.clock(), props,
                new RedisOrderSafetyView(kit.redis(), kit.json(), SCOPE));
    }

    private RedisOrderBook book() {
        return new RedisOrderBook(kit.redis(), kit.json(), SCOPE);
    }

    /** A lease of 300 ms: the handler's watch lapses 600 ms after its last submit or await. */
    private static OrderProperties shortWatch() {
        return OrderProperties.defaults().withLease(Duration.ofMillis(300));
    }

    /** KIS's list of today's orders: {@code rows} of (order no, side code, quantity, filled, average price). */
    private void kisLists(String... rows) {
        kis.always(CCLD, orders(rows));
    }

    private static String row(String orderNo, String side, long qty, long filled, long avg) {
        return FakeKis.orderRow(orderNo, "005930", side, qty, "100000", filled, String.valueOf(avg));
    }

    private static OrderTicket buy(String intent, long qty) {
        return OrderTicket.marketBuy(intent, "buy-executor", "005930", "삼성전자", qty, 71_000);
    }

    private List<String> fillMessages() {
        return telegramTexts.stream().filter(t -> t.contains("체결")).toList();
    }

    private static <T> T eventually(Supplier<T> step, java.util.function.Predicate<T> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = step.get();
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(100);
            last = step.get();
        }
        return last;
    }

    private long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    private static String won(long amount) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void settlerSendsTheFillMessageOfAnOrderWhoseHandlerStopped() throws Exception {
        kis.always(ORDER, orderAccepted(BUY_NO));
        kisLists(row(BUY_NO, "02", 10, 0, 0));
        KisOrderService handler = process(shortWatch());
        KisOrderService settler = process(shortWatch());
        assertThat(handler.submit(buy("buy:orphan", 10)).state()).isEqualTo(OrderState.ACCEPTED);
        // the handler's executor is killed here: nobody awaits the order, nobody sends its message

        kisLists(row(BUY_NO, "02", 10, 10, 71_500));
        List<String> sent = eventually(() -> {
            settler.settleOpen();
            return fillMessages();
        }, m -> !m.isEmpty());

        assertThat(settler.find("buy:orphan").orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(sent).singleElement().asString()
                .contains("<b>매수 체결</b>", "삼성전자 (005930)", "수량: 10주", "평균 체결가: 71,500원",
                        OrphanFillNotices.COMPLETED_IN_BACKGROUND);
        settler.settleOpen();
        process(shortWatch()).settleOpen(); // a third process's settler
        assertThat(fillMessages()).hasSize(1);
        assertThat(handler.claimFillNotice("buy:orphan")).as("a late handler stays silent").isFalse();
        assertThat(count("SELECT COUNT(*) FROM TRADELOG_MOCK WHERE STOCK_CODE = '005930'")).isEqualTo(1);
        assertThat(count("SELECT QUANTITY FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = '005930'")).isEqualTo(10);
    }

    @Test
    void handlerSendsItsOwnMessageAndSettlerStaysSilentWhileWatched() throws Exception {
        kis.always(ORDER, orderAccepted(BUY_NO));
        kisLists(row(BUY_NO, "02", 10, 0, 0));
        KisOrderService handler = process(OrderProperties.defaults()); // watched for two 60 s leases
        KisOrderService settler = process(OrderProperties.defaults());
        handler.submit(buy("buy:watched", 10));

        kisLists(row(BUY_NO, "02", 10, 10, 71_500));
        settler.settleOpen(); // the settler of another process completes it while the handler waits

        assertThat(settler.find("buy:watched").orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(book().fillNoticesDue()).containsExactly("buy:watched");
        assertThat(fillMessages()).as("the settler leaves the message to the watching handler").isEmpty();
        OrderRecord done = handler.awaitFinal("buy:watched", Duration.ofSeconds(5));
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(handler.claimFillNotice("buy:watched")).as("the handler sends its own message").isTrue();
        settler.settleOpen();
        assertThat(book().fillNoticesDue()).isEmpty();
        assertThat(fillMessages()).isEmpty();
        assertThat(book().claimFillNotice("buy:watched", OrphanFillNotices.SETTLER))
                .isEqualTo(RedisOrderBook.NoticeClaim.TAKEN);
    }

    @Test
    void theFillMessageIsClaimedOncePerOrderAcrossProcesses() throws Exception {
        kis.always(ORDER, orderAccepted(BUY_NO));
        kisLists(row(BUY_NO, "02", 10, 10, 71_500));
        KisOrderService a = process(OrderProperties.defaults());
        KisOrderService b = process(OrderProperties.defaults());
        a.submit(buy("buy:claimed", 10));
        assertThat(a.awaitFinal("buy:claimed", Duration.ofSeconds(5)).state()).isEqualTo(OrderState.FILLED);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Boolean> claims = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                KisOrderService process = i % 2 == 0 ? a : b;
                runs.add(pool.submit((Callable<Boolean>) () -> {
                    go.await();
                    return process.claimFillNotice("buy:claimed");
                }));
            }
            go.countDown();
            for (Future<Boolean> run : runs) {
                claims.add(run.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claims).containsOnlyOnce(true);
        assertThat(book().claimFillNotice("buy:claimed", OrphanFillNotices.SETTLER))
                .isEqualTo(RedisOrderBook.NoticeClaim.TAKEN);
        assertThat(a.claimFillNotice("buy:never-placed")).as("nothing to coordinate with: send").isTrue();
        assertThat(a.find("buy:never-placed")).as("a claim creates no order").isEmpty();
    }

    @Test
    void aSellCompletedInTheBackgroundCarriesTheLedgersNetProfit() throws Exception {
        kis.then(ORDER, orderAccepted(BUY_NO), orderAccepted(SELL_NO));
        kisLists(row(BUY_NO, "02", 10, 10, 70_000));
        KisOrderService handler = process(shortWatch());
        KisOrderService settler = process(shortWatch());
        handler.submit(buy("buy:held", 10));
        assertThat(handler.awaitFinal("buy:held", Duration.ofSeconds(5)).state()).isEqualTo(OrderState.FILLED);
        assertThat(handler.claimFillNotice("buy:held")).isTrue();

        OrderTicket sell = OrderTicket.marketSell("sell:orphan", "sell-executor", "005930", "삼성전자", 10, 72_000,
                null);
        assertThat(handler.submit(sell).state()).isEqualTo(OrderState.ACCEPTED);
        kisLists(row(BUY_NO, "02", 10, 10, 70_000), row(SELL_NO, "01", 10, 10, 72_000));
        List<String> sent = eventually(() -> {
            settler.settleOpen();
            return fillMessages();
        }, m -> !m.isEmpty());

        long net = 720_000 - 700_000 - TradingCosts.DEFAULT.fee(700_000) - TradingCosts.DEFAULT.fee(720_000)
                - TradingCosts.DEFAULT.sellTax(720_000);
        assertThat(sent).singleElement().asString()
                .contains("<b>매도 체결</b>", "수량: 10주", "평균 체결가: 72,000원",
                        "손익: " + (net >= 0 ? "+" : "") + won(net) + "원",
                        OrphanFillNotices.COMPLETED_IN_BACKGROUND);
        assertThat(count("SELECT COUNT(*) FROM ACTIVE_PORTFOLIO_MOCK")).isZero();
    }

    @Test
    void aPartlyFilledOrderWhoseRestIsCancelledIsReportedWithItsFilledQuantity() throws Exception {
        kis.always(ORDER, orderAccepted(BUY_NO));
        kisLists(row(BUY_NO, "02", 10, 0, 0));
        KisOrderService handler = process(shortWatch());
        KisOrderService settler = process(shortWatch());
        handler.submit(OrderTicket.limitBuy("buy:partial", "buy-executor", "005930", "삼성전자", 10, 71_500,
                Duration.ofMinutes(5)));

        // KIS lists 4 filled and no rest (the rest expired or was cancelled at KIS)
        kis.always(CCLD, orders(FakeKis.orderRow(BUY_NO, "005930", "02", 10, "100000", 4, "71500")
                .replace("\"rmn_qty\":\"6\"", "\"rmn_qty\":\"0\"")));
        List<String> sent = eventually(() -> {
            settler.settleOpen();
            return fillMessages();
        }, m -> !m.isEmpty());

        assertThat(settler.find("buy:partial").orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(sent).singleElement().asString().contains("<b>매수 체결</b>", "수량: 4주 (주문 10주, 잔량 취소)");
    }

    @Test
    void theJournalFlushLeavesTheFillsOfAnOrderAnotherSettlerHoldsToThatSettler() throws Exception {
        kis.always(ORDER, orderAccepted(BUY_NO));
        kisLists(row(BUY_NO, "02", 10, 10, 71_500));
        DataSource down = new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/none?connectTimeout=500", "x", "");
        KisOrderService dbLess = process(OrderProperties.defaults(), down);
        dbLess.submit(buy("buy:journal", 10));
        assertThat(dbLess.awaitFinal("buy:journal", Duration.ofSeconds(5)).state()).isEqualTo(OrderState.FILLED);
        assertThat(book().unapplied()).containsExactly("buy:journal"); // fills kept in the Redis journal
        KisOrderService other = process(OrderProperties.defaults());

        assertThat(book().acquire("buy:journal", "another-settler", Duration.ofMinutes(1))).isTrue();
        other.flushJournal();
        assertThat(count("SELECT COUNT(*) FROM TRADELOG_MOCK")).as("the lease holder applies them").isZero();

        book().release("buy:journal", "another-settler");
        other.flushJournal();
        assertThat(count("SELECT COUNT(*) FROM TRADELOG_MOCK")).isEqualTo(1);
        assertThat(count("SELECT QUANTITY FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = '005930'")).isEqualTo(10);
        assertThat(book().unapplied()).isEmpty();
    }
}
