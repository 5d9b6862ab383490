package com.primejennie.shared.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.kis.OrderSide;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.trading.TradingCosts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two settlers (two processes: two ledgers, each on its own connections) completing the same orphaned order at the
 * same moment, on the real MariaDB. Each applier's first read of an order that has no fill rows yet takes a gap lock;
 * both then insert into that gap, and InnoDB kills one as a deadlock. The ledger must come out with one TRADELOG row
 * and one position, and no exception may reach the caller.
 */
class OrderLedgerConcurrencyTest {

    private static final int ROUNDS = 12;
    private static final OrderScope SCOPE = new OrderScope("MOCK", "50012345");

    private static ScratchDatabase database;
    private static JdbcClient db;

    private final JsonMapper json = JsonMapper.builder().build();
    private final KisTestKit.SettableClock clock = new KisTestKit.SettableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private ExecutorService pool;

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.migrated("ledgerrace");
        db = database.jdbc();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void clean() {
        for (String table : List.of("ORDER_LEDGER_MOCK", "ORDER_FILL_MOCK", "TRADELOG_MOCK",
                "ACTIVE_PORTFOLIO_MOCK")) {
            db.sql("DELETE FROM " + table).update();
        }
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private OrderLedger ledger() {
        return new OrderLedger(database.dataSource(), clock, TradingCosts.DEFAULT, json, SCOPE);
    }

    private static OrderRecord filledBuy(String intent, String code, long qty, long price) {
        Instant at = Instant.parse("2026-03-02T01:00:00Z");
        return new OrderRecord(intent, "MOCK", "50012345", "buy-executor", code, "종목" + code, OrderSide.BUY, qty,
                OrderType.MARKET, 0, price, null, "0000" + code, OrderState.FILLED, qty, qty * price,
                BigDecimal.valueOf(price), 0, 0, 1, false, "", at, at, Map.of());
    }

    /** Runs both appliers of {@code order} released at the same instant; returns what each returned. */
    private List<Long> race(OrderLedger a, OrderLedger b, OrderRecord order) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Long>> runs = new ArrayList<>();
        for (OrderLedger ledger : List.of(a, b)) {
            runs.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return ledger.applyFills(order, order.filledQuantity(), order.filledAmount(), "reason", "signal");
            }));
        }
        List<Long> done = new ArrayList<>();
        for (Future<Long> run : runs) {
            done.add(run.get(60, TimeUnit.SECONDS)); // an exception in either applier fails the test here
        }
        return done;
    }

    private void assertOneFillOf(OrderRecord order) {
        String code = order.code();
        assertThat(db.sql("SELECT COUNT(*) FROM TRADELOG_MOCK WHERE STOCK_CODE = ?").param(code).query(Long.class)
                .single()).as("TRADELOG rows of %s", code).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = ?").param(code)
                .query(Long.class).single()).as("positions of %s", code).isEqualTo(1);
        assertThat(db.sql("SELECT QUANTITY FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = ?").param(code)
                .query(Long.class).single()).as("position quantity of %s", code).isEqualTo(order.filledQuantity());
        assertThat(db.sql("SELECT COUNT(*) FROM ORDER_FILL_MOCK WHERE INTENT_KEY = ?").param(order.intentKey())
                .query(Long.class).single()).as("fill steps of %s", order.intentKey()).isEqualTo(1);
    }

    @Test
    void twoSettlersApplyingTheSameOrphanedBuyAtOnceWriteOneTradeLogRowAndOnePosition() throws Exception {
        OrderLedger a = ledger();
        OrderLedger b = ledger();
        for (int i = 0; i < ROUNDS; i++) {
            OrderRecord order = filledBuy("buy:orphan:" + i, String.format("%06d", 100_000 + i), 10, 71_500);
            a.upsert(order); // the ledger row is written before fills are applied, as the service does

            List<Long> done = race(a, b, order);

            assertThat(done).containsOnly(10L);
            assertOneFillOf(order);
        }
    }

    @Test
    void twoAppliersOfAnOrderWithoutALedgerRowYetStillWriteOneFill() throws Exception {
        OrderLedger a = ledger();
        OrderLedger b = ledger();
        for (int i = 0; i < ROUNDS; i++) {
            OrderRecord order = filledBuy("buy:no-row:" + i, String.format("%06d", 200_000 + i), 7, 50_000);

            List<Long> done = race(a, b, order);

            assertThat(done).containsOnly(7L);
            assertOneFillOf(order);
        }
    }
}
