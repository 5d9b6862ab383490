package com.primejennie.kissim.orderstest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.primejennie.kissim.SimTestSupport;
import com.primejennie.shared.feed.FillNotice;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisProperties;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.orders.KisOrderService;
import com.primejennie.shared.orders.OrderLedger;
import com.primejennie.shared.orders.OrderProperties;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderScope;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.OrderTicket;
import com.primejennie.shared.orders.Reconciliation;
import com.primejennie.shared.orders.RedisOrderBook;
import com.primejennie.shared.orders.RedisOrderSafetyView;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.testing.ClosableTcpProxy;
import com.primejennie.shared.testing.RealServices;
import com.primejennie.shared.trading.TradingCosts;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/**
 * The order service end to end: kis-sim over HTTP (faults, late acceptance, partial and late fills), the real Redis
 * for the live book and a real MariaDB for the ledger, TRADELOG_MOCK and ACTIVE_PORTFOLIO_MOCK. The client's market
 * clock stands where the simulator's paused clock does: Wednesday 2026-03-04 10:00 KST.
 */
class OrderServiceAgainstSimTest extends SimTestSupport {

    private static final Instant SIM_NOW = Instant.parse("2026-03-04T01:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(3);

    private static ScratchDatabase database;
    private static JdbcClient db;

    private KisTestKit kit;
    private String key;
    private String account;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.migrated("orders");
        db = database.jdbc();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void client() {
        kit = new KisTestKit();
        kit.clearKisKeys();
        var keys = kit.redis().keys("orders:*");
        if (keys != null && !keys.isEmpty()) {
            kit.redis().delete(keys);
        }
        kit.clock().set(SIM_NOW);
        key = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        account = String.valueOf(60_000_000 + ThreadLocalRandom.current().nextInt(30_000_000));
        for (String table : List.of("ORDER_LEDGER", "ORDER_LEDGER_MOCK", "ORDER_FILL", "ORDER_FILL_MOCK", "TRADELOG",
                "TRADELOG_MOCK", "ACTIVE_PORTFOLIO", "ACTIVE_PORTFOLIO_MOCK")) {
            db.sql("DELETE FROM " + table).update();
        }
    }

    @AfterEach
    void closeKit() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        kit.close();
    }

    // ------------------------------------------------------------------ fixtures

    private KisComponents kis(KisMode mode, String acct, int budget) {
        return kis(mode, acct, budget, key);
    }

    private KisComponents kis(KisMode mode, String acct, int budget, String appKey) {
        KisProperties props = KisTestKit.properties(base(), budget, appKey, "secret-" + appKey, acct)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        return kit.components(props, mode);
    }

    private KisOrderService service(KisComponents kis, OrderScope scope, OrderProperties props, DataSource ds) {
        RedisOrderBook book = new RedisOrderBook(kit.redis(), kit.json(), scope);
        OrderLedger ledger = new OrderLedger(ds, kit.clock(), TradingCosts.DEFAULT, kit.json(), scope);
        return new KisOrderService(kis.client(), book, ledger, () -> false, kit.notifier(), kit.clock(), props,
                new RedisOrderSafetyView(kit.redis(), kit.json(), scope));
    }

    private OrderProperties props() {
        return OrderProperties.defaults().withSettlement(WINDOW, 3);
    }

    private KisOrderService mockService() {
        return service(kis(KisMode.PAPER, account, 19), new OrderScope("MOCK", account), props(),
                database.dataSource());
    }

    private void fault(String kind, int count, String path, long holdMillis, String msgCd) {
        admin("POST", "/admin/faults", Map.of("kind", kind, "count", count, "path", path, "holdMillis", holdMillis,
                "msgCd", msgCd));
    }

    private List<JsonNode> simOrders(String cano) {
        List<JsonNode> orders = new ArrayList<>();
        admin("GET", "/admin/orders?cano=" + cano, null).json().forEach(orders::add);
        return orders;
    }

    private void hold(String code, long qty, long avg) {
        admin("PUT", "/admin/accounts/" + account + "/holdings/" + code, Map.of("quantity", qty, "avgPrice", avg));
    }

    private long portfolioQty(String code) {
        return db.sql("SELECT COALESCE(SUM(QUANTITY), 0) FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = ?").param(code)
                .query(Long.class).single();
    }

    private long tradeLogQty(String code, String type) {
        return db.sql("SELECT COALESCE(SUM(QUANTITY), 0) FROM TRADELOG_MOCK WHERE STOCK_CODE = ? AND TRADE_TYPE = ?")
                .params(code, type).query(Long.class).single();
    }

    private static OrderRecord until(Supplier<OrderRecord> step, java.util.function.Predicate<OrderRecord> done,
                                     Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        OrderRecord last = step.get();
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(300);
            last = step.get();
        }
        return last;
    }

    private static OrderTicket marketBuy(String intent, String code, long qty) {
        return OrderTicket.marketBuy(intent, "test", code, "", qty, 0);
    }

    // ------------------------------------------------------------------ must show

    @Test
    void delayedAcceptBuyIsOneOrderUnknownThenSettledWithItsFill() throws Exception {
        KisOrderService orders = mockService();
        fault("DELAYED_ACCEPT", 1, ORDER, 7_000, "");

        OrderRecord first = orders.submit(marketBuy("buy:delayed", "005930", 10));

        assertThat(first.state()).isEqualTo(OrderState.UNKNOWN);
        assertThat(orders.safety().halt("005930")).isPresent();
        assertThat(simOrders(account)).isEmpty(); // not at the exchange yet, and never sent again
        OrderRecord settled = until(() -> {
            orders.settleOpen();
            return orders.find("buy:delayed").orElseThrow();
        }, r -> r.state() == OrderState.FILLED, Duration.ofSeconds(20));

        assertThat(settled.state()).isEqualTo(OrderState.FILLED);
        assertThat(settled.filledQuantity()).isEqualTo(10);
        assertThat(simOrders(account)).hasSize(1);
        assertThat(settled.orderNo()).isEqualTo(simOrders(account).get(0).path("odno").asString());
        assertThat(orders.safety().halt("005930")).isEmpty();
        assertThat(portfolioQty("005930")).isEqualTo(10);
        assertThat(tradeLogQty("005930", "BUY")).isEqualTo(10);
    }

    @Test
    void twoSettlersOnOneUnknownIntentPlaceOneOrderAtKis() throws Exception {
        KisOrderService a = mockService();
        KisOrderService b = mockService();
        KisOrderService c = mockService();
        fault("DELAYED_ACCEPT", 1, ORDER, 9_000, "");
        OrderTicket ticket = marketBuy("buy:two-settlers", "000660", 3);
        assertThat(a.submit(ticket).state()).isEqualTo(OrderState.UNKNOWN);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            runs.add(pool.submit((Callable<OrderRecord>) () -> b.submit(ticket)));
            runs.add(pool.submit((Callable<OrderRecord>) () -> c.submit(ticket)));
            runs.add(pool.submit((Callable<Integer>) a::settleOpen));
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        OrderRecord settled = until(() -> {
            b.settleOpen();
            c.settleOpen();
            return a.find("buy:two-settlers").orElseThrow();
        }, r -> r.state() == OrderState.FILLED, Duration.ofSeconds(20));

        assertThat(simOrders(account)).hasSize(1);
        assertThat(settled.state()).isEqualTo(OrderState.FILLED);
        assertThat(settled.sends()).isEqualTo(1);
        assertThat(portfolioQty("000660")).isEqualTo(3);
    }

    @Test
    void serverErrorWithAnUnknownMsgCdOnAnOrderIsUnknownNotRejected() {
        KisOrderService orders = mockService();
        fault("HTTP_500", 1, ORDER, 0, "EGW99999");

        OrderRecord result = orders.submit(marketBuy("buy:5xx", "005930", 1));

        assertThat(result.state()).isEqualTo(OrderState.UNKNOWN);
        assertThat(orders.safety().buyBlock("005930")).isPresent();
        assertThat(kit.notifier().messages()).anyMatch(m -> m.contains("주문 상태 불명"));
    }

    @Test
    void haltedStockStillSellsUpToWhatTheBrokerHolds() {
        KisOrderService orders = mockService();
        hold("005930", 10, 70_000);
        fault("HTTP_500", 1, ORDER, 0, "EGW99999");
        assertThat(orders.submit(marketBuy("buy:halting", "005930", 1)).state()).isEqualTo(OrderState.UNKNOWN);
        assertThat(orders.safety().halt("005930")).isPresent();

        OrderRecord sell = orders.submit(OrderTicket.marketSell("sell:halted", "test", "005930", "", 15, 0, null));
        OrderRecord done = orders.awaitFinal(sell.intentKey(), Duration.ofSeconds(10));

        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(done.quantity()).isEqualTo(10); // capped to what the broker holds
        assertThat(orders.submit(marketBuy("buy:still-halted", "005930", 1)).state())
                .isEqualTo(OrderState.REJECTED);
    }

    @Test
    void breakerOpenedByOrderFailuresStillLetsSettlementRead() throws Exception {
        KisComponents kis = kis(KisMode.PAPER, account, 19);
        KisOrderService orders = service(kis, new OrderScope("MOCK", account),
                OrderProperties.defaults().withSettlement(Duration.ofMillis(400), 2), database.dataSource());
        hold("035420", 5, 200_000);
        fault("HTTP_500", 4, ORDER, 0, "EGW99999");
        for (String code : List.of("005930", "000660", "051910", "006400")) {
            assertThat(orders.submit(marketBuy("buy:fail:" + code, code, 1)).state()).isEqualTo(OrderState.UNKNOWN);
        }
        assertThat(kis.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        fault("LOST_RESPONSE", 1, ORDER, 2_500, "");
        OrderRecord sell = orders.submit(OrderTicket.marketSell("sell:breaker", "test", "035420", "", 5, 0, null));

        assertThat(sell.state()).isIn(OrderState.ACCEPTED, OrderState.FILLED);
        assertThat(simOrders(account)).hasSize(1);
        assertThat(orders.awaitFinal("sell:breaker", Duration.ofSeconds(10)).state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void mockAndRealIntentsWithTheSameKeyDoNotCollide() {
        String realAccount = String.valueOf(Long.parseLong(account) + 1);
        KisOrderService mock = mockService();
        KisOrderService real = service(kis(KisMode.REAL, realAccount, 19, key + "R"), new OrderScope("REAL", realAccount),
                props(), database.dataSource());

        OrderRecord m = mock.submit(marketBuy("buy:same-key", "005930", 2));
        OrderRecord r = real.submit(marketBuy("buy:same-key", "005930", 3));

        assertThat(m.state()).isIn(OrderState.ACCEPTED, OrderState.FILLED);
        assertThat(r.state()).isIn(OrderState.ACCEPTED, OrderState.FILLED);
        assertThat(m.orderNo()).isNotEqualTo(r.orderNo());
        assertThat(simOrders(account)).hasSize(1);
        assertThat(simOrders(realAccount)).hasSize(1);
        assertThat(mock.find("buy:same-key").orElseThrow().quantity()).isEqualTo(2);
        assertThat(real.find("buy:same-key").orElseThrow().quantity()).isEqualTo(3);
    }

    @Test
    void partialFillThenLateFillAfterCancelLeavesThePositionAtTheSumOfFills() throws Exception {
        KisOrderService orders = mockService();
        admin("PUT", "/admin/settings", Map.of("maxFillPerTrade", 2, "cancelDelayTrades", 1));
        long price = price("005930");
        script("005930", price, price, price, price, price, price);

        OrderRecord buy = orders.submit(OrderTicket.limitBuy("buy:partial", "test", "005930", "", 10, price,
                Duration.ofMinutes(5)));
        assertThat(buy.state()).isEqualTo(OrderState.ACCEPTED);
        advance("PT1S");
        orders.settleOpen();
        assertThat(orders.find("buy:partial").orElseThrow().state()).isEqualTo(OrderState.PARTIALLY_FILLED);

        kit.clock().advance(Duration.ofMinutes(6)); // past the limit timeout (market time)
        orders.settleOpen();
        OrderRecord beforeCancel = orders.find("buy:partial").orElseThrow();
        assertThat(beforeCancel.cancelRequested()).isTrue();
        advance("PT3S"); // fills that arrive after the cancel request, then the cancel takes effect
        OrderRecord done = until(() -> {
            orders.settleOpen();
            return orders.find("buy:partial").orElseThrow();
        }, OrderRecord::isFinal, Duration.ofSeconds(10));

        long simFilled = simOrders(account).stream().filter(o -> !o.path("cancel").asBoolean())
                .mapToLong(o -> o.path("filledQty").asLong()).sum();
        assertThat(done.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(done.filledQuantity()).isEqualTo(simFilled).isGreaterThan(beforeCancel.filledQuantity())
                .isLessThan(10); // a late fill after the cancel request was recorded
        assertThat(portfolioQty("005930")).isEqualTo(simFilled);
        assertThat(tradeLogQty("005930", "BUY")).isEqualTo(simFilled);
    }

    @Test
    void aReplayedFillChangesNothing() {
        KisOrderService orders = mockService();
        OrderRecord buy = orders.submit(marketBuy("buy:replay", "005930", 4));
        OrderRecord filled = orders.awaitFinal(buy.intentKey(), Duration.ofSeconds(10));
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        long rows = db.sql("SELECT COUNT(*) FROM TRADELOG_MOCK").query(Long.class).single();

        FillNotice notice = new FillNotice(filled.orderNo(), "", "BUY", "005930", 4,
                filled.averageFillPrice().longValue(), "100000", true, false, 4, 0, account);
        kit.redis().opsForStream().add("kis:fills", Map.of("payload", kit.json().writeValueAsString(
                notice.toPayload())));
        kit.redis().opsForStream().add("kis:fills", Map.of("payload", kit.json().writeValueAsString(
                notice.toPayload())));
        orders.settleOpen();
        orders.flushJournal();

        assertThat(db.sql("SELECT COUNT(*) FROM TRADELOG_MOCK").query(Long.class).single()).isEqualTo(rows);
        assertThat(portfolioQty("005930")).isEqualTo(4);
    }

    @Test
    void mariaDbStoppedDuringAFillLosesNothing() throws Exception {
        URI root = URI.create(RealServices.database().rootJdbcUrl().substring("jdbc:".length()));
        ClosableTcpProxy proxy = new ClosableTcpProxy(root.getHost(), root.getPort());
        closing.add(proxy);
        var endpoint = RealServices.database();
        DataSource viaProxy = new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:" + proxy.port() + "/"
                + database.name() + "?connectTimeout=1000&socketTimeout=3000", endpoint.user(), endpoint.password());
        KisOrderService orders = service(kis(KisMode.PAPER, account, 19), new OrderScope("MOCK", account), props(),
                viaProxy);

        proxy.cut();
        OrderRecord buy = orders.submit(marketBuy("buy:db-down", "005930", 7));
        OrderRecord filled = orders.awaitFinal(buy.intentKey(), Duration.ofSeconds(10));
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        assertThat(portfolioQty("005930")).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM ORDER_LEDGER_MOCK").query(Long.class).single()).isZero();

        proxy.open();
        orders.settleOpen();

        assertThat(portfolioQty("005930")).isEqualTo(7);
        assertThat(tradeLogQty("005930", "BUY")).isEqualTo(7);
        assertThat(db.sql("SELECT STATE FROM ORDER_LEDGER_MOCK WHERE INTENT_KEY = 'buy:db-down'")
                .query(String.class).single()).isEqualTo("FILLED");
    }

    @Test
    void aMismatchBlocksBuysUntilAdopted() {
        KisOrderService orders = mockService();
        hold("000660", 20, 190_000);

        Reconciliation r = orders.reconcile();
        assertThat(r.mismatches()).extracting(Reconciliation.Mismatch::code).containsExactly("000660");
        assertThat(kit.notifier().messages()).anyMatch(m -> m.contains("잔고 불일치"));
        OrderRecord blocked = orders.submit(marketBuy("buy:blocked", "005930", 1));
        assertThat(blocked.state()).isEqualTo(OrderState.REJECTED);
        assertThat(blocked.reason()).contains("000660");

        orders.adopt("000660", "test");

        assertThat(portfolioQty("000660")).isEqualTo(20);
        assertThat(orders.reconcile().clean()).isTrue();
        assertThat(orders.submit(marketBuy("buy:after-adopt", "005930", 1)).state())
                .isIn(OrderState.ACCEPTED, OrderState.FILLED);
    }

    @Test
    void anUnmanagedHoldingDoesNotBlockBuys() {
        KisOrderService orders = service(kis(KisMode.PAPER, account, 19), new OrderScope("MOCK", account),
                props().withUnmanagedCodes(List.of("000660")), database.dataSource());
        hold("000660", 20, 190_000);

        Reconciliation r = orders.reconcile();

        assertThat(r.clean()).isTrue();
        assertThat(r.unmanaged()).containsExactly("000660");
        assertThat(orders.submit(marketBuy("buy:unmanaged", "005930", 1)).state())
                .isIn(OrderState.ACCEPTED, OrderState.FILLED);
    }

    @Test
    void aSellPaysFeeAndTaxAndRecordsNetProfitAtAverageCost() {
        KisOrderService orders = mockService();
        OrderRecord buy = orders.awaitFinal(orders.submit(marketBuy("buy:pnl", "005930", 10)).intentKey(),
                Duration.ofSeconds(10));
        assertThat(buy.state()).isEqualTo(OrderState.FILLED);

        OrderRecord sell = orders.awaitFinal(orders.submit(OrderTicket.marketSell("sell:pnl", "test", "005930", "",
                10, 0, null).describedAs("Fixed Stop Loss", "STOP_LOSS", Map.of())).intentKey(),
                Duration.ofSeconds(10));

        assertThat(sell.state()).isEqualTo(OrderState.FILLED);
        assertThat(portfolioQty("005930")).isZero();
        String metrics = db.sql("SELECT KEY_METRICS_JSON FROM TRADELOG_MOCK WHERE TRADE_TYPE = 'SELL'")
                .query(String.class).single();
        JsonNode m = kit.json().readTree(metrics);
        long gross = sell.filledAmount() - buy.filledAmount();
        long expectedNet = gross - TradingCosts.DEFAULT.fee(buy.filledAmount())
                - TradingCosts.DEFAULT.fee(sell.filledAmount()) - TradingCosts.DEFAULT.sellTax(sell.filledAmount());
        assertThat(m.path("gross_profit_amount").asLong()).isEqualTo(gross);
        assertThat(m.path("profit_amount").asLong()).isEqualTo(expectedNet);
        assertThat(m.path("tax").asLong()).isEqualTo(TradingCosts.DEFAULT.sellTax(sell.filledAmount()));
        assertThat(m.path("sell_reason").asString()).isEqualTo("Fixed Stop Loss");
    }

    @Test
    void aReFiredExitQueuesOneSellAndAnOpenBuyCountsAsExposure() {
        KisOrderService orders = mockService();
        hold("005930", 10, 70_000);
        long price = price("005930");
        com.primejennie.shared.orders.SellKey stop = new com.primejennie.shared.orders.SellKey("005930", "TARGET",
                "10@20260304");

        OrderRecord first = orders.submit(OrderTicket.limitSell("sell:exit:1", "test", "005930", "", 10,
                price + 5_000, Duration.ofMinutes(5), stop));
        OrderRecord again = orders.submit(OrderTicket.limitSell("sell:exit:2", "test", "005930", "", 10,
                price + 5_000, Duration.ofMinutes(5), stop));
        long low = price("000660") * 8 / 10 / 1_000 * 1_000; // rests: below the market, inside the daily limits
        OrderRecord buy = orders.submit(OrderTicket.limitBuy("buy:resting", "test", "000660", "", 3, low,
                Duration.ofMinutes(5)));

        assertThat(first.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(again.intentKey()).isEqualTo("sell:exit:1");
        assertThat(orders.sellInFlight(stop)).map(OrderRecord::intentKey).contains("sell:exit:1");
        assertThat(buy.state()).isEqualTo(OrderState.ACCEPTED);
        var exposure = orders.openExposure();
        assertThat(exposure.hasOpenBuy("000660")).isTrue();
        assertThat(exposure.openAmount()).isEqualTo(3 * low);
        assertThat(exposure.buyOrdersToday()).isEqualTo(1);
        assertThat(simOrders(account).stream().filter(o -> o.path("side").asString().equals("SELL"))).hasSize(1);
    }

    @Test
    void aDryRunIsRecordedNeverSentAndLeavesThePortfolioAlone() {
        KisComponents kis = kis(KisMode.PAPER, account, 19);
        OrderScope scope = new OrderScope("MOCK", account);
        KisOrderService orders = new KisOrderService(kis.client(), new RedisOrderBook(kit.redis(), kit.json(), scope),
                new OrderLedger(database.dataSource(), kit.clock(), TradingCosts.DEFAULT, kit.json(), scope),
                () -> true, kit.notifier(), kit.clock(), props(),
                new RedisOrderSafetyView(kit.redis(), kit.json(), scope));

        OrderRecord dry = orders.submit(marketBuy("buy:dry", "005930", 5));

        assertThat(dry.state()).isEqualTo(OrderState.DRY_RUN);
        assertThat(simOrders(account)).isEmpty();
        assertThat(db.sql("SELECT STATE FROM ORDER_LEDGER_MOCK WHERE INTENT_KEY = 'buy:dry'").query(String.class)
                .single()).isEqualTo("DRY_RUN");
        assertThat(portfolioQty("005930")).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM TRADELOG_MOCK").query(Long.class).single()).isZero();
    }
}
