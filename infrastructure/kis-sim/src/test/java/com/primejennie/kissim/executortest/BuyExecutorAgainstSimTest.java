package com.primejennie.kissim.executortest;

import com.primejennie.buyexecutor.consume.BuyOutcome;
import com.primejennie.buyexecutor.consume.BuyPipeline;
import com.primejennie.buyexecutor.consume.BuyPortsConfiguration;
import com.primejennie.buyexecutor.consume.BuySignalHandler;
import com.primejennie.kissim.SimTestSupport;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisProperties;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.orders.KisOrderService;
import com.primejennie.shared.orders.OrderLedger;
import com.primejennie.shared.orders.OrderProperties;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderScope;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.RedisOrderBook;
import com.primejennie.shared.orders.RedisOrderSafetyView;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.TableNames;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingsRegistry;
import com.primejennie.shared.trading.TradingCosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * buy-executor end to end (issue 14 "Must show"): signal → guards → sizing → the order service → kis-sim over HTTP,
 * with the real Redis (book, locks, flags) and a real MariaDB (ORDER_LEDGER_MOCK, TRADELOG_MOCK,
 * ACTIVE_PORTFOLIO_MOCK). The market clock stands where the simulator's paused clock does: 2026-03-04 10:00 KST.
 */
class BuyExecutorAgainstSimTest extends ExecutorOnSim {

    @Test
    void aSignalBecomesExactlyOneOrderOneLedgerRowAndOnePositionAtTheFilledPrice() {
        long price = price("005930");
        BuyOutcome outcome = executor().handle("1772586000000-0", signal("005930", "DIP_BUY", price));

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo("success");
        assertThat(outcome.intentKey()).isEqualTo("1772586000000-0:005930");
        OrderRecord filled = orders.awaitFinal(outcome.intentKey(), Duration.ofSeconds(10));
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        assertThat(simOrders()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM ORDER_LEDGER_MOCK")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ACTIVE_PORTFOLIO_MOCK")).isEqualTo(1);
        assertThat(count("SELECT QUANTITY FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = '005930'"))
                .isEqualTo(outcome.quantity()).isEqualTo(filled.filledQuantity());
        BigDecimal avg = db.sql("SELECT AVERAGE_BUY_PRICE FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = '005930'")
                .query(BigDecimal.class).single();
        assertThat(avg).isEqualByComparingTo(filled.averageFillPrice());
        assertThat(count("SELECT COALESCE(SUM(QUANTITY),0) FROM TRADELOG_MOCK WHERE TRADE_TYPE = 'BUY'"))
                .isEqualTo(filled.filledQuantity());
        assertThat(kit.notifier().messages()).anyMatch(m -> m.contains("매수 체결") && m.contains("005930"));
    }

    @Test
    void theSameSignalDeliveredTwicePublishedTwiceOrReadByTwoExecutorsGivesOneOrder() throws Exception {
        long price = price("005930");
        JsonNode s = signal("005930", "DIP_BUY", price);
        BuySignalHandler one = executor();
        BuySignalHandler two = executor();
        CountDownLatch go = new CountDownLatch(1);
        // read by two executors at once (same entry), and published twice (a second entry id)
        CompletableFuture<BuyOutcome> a = CompletableFuture.supplyAsync(() -> {
            await(go);
            return one.handle("1772586000000-0", s);
        });
        CompletableFuture<BuyOutcome> b = CompletableFuture.supplyAsync(() -> {
            await(go);
            return two.handle("1772586000000-0", s);
        });
        CompletableFuture<BuyOutcome> c = CompletableFuture.supplyAsync(() -> {
            await(go);
            return two.handle("1772586000001-0", s);
        });
        go.countDown();
        List<BuyOutcome> outcomes = List.of(a.get(), b.get(), c.get());
        // delivered twice (redelivery of the first entry after the order is in)
        BuyOutcome redelivered = one.handle("1772586000000-0", s);

        assertThat(outcomes.stream().filter(BuyOutcome::isSuccess)).as(outcomes.toString()).hasSize(1);
        assertThat(redelivered.isSuccess()).isFalse();
        assertThat(simOrders()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM ORDER_LEDGER_MOCK")).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLimitOrderPartlyFilledRecordsTheFilledPartAndCancelsTheRestWithoutBlockingTheWorker() throws Exception {
        env.put("MOMENTUM_LIMIT_ORDER_ENABLED", "true");
        admin("PUT", "/admin/settings", Map.of("maxFillPerTrade", 2));
        long price = price("005930");
        script("005930", price, price, price, price, price, price);

        BuyOutcome outcome = executor().handle("1772586000000-0", signal("005930", "MOMENTUM", price));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo("success");
        assertThat(outcome.orderState()).isEqualTo("ACCEPTED"); // returned at once: nothing waited for the fill
        advance("PT1S");
        orders.settleOpen();
        OrderRecord partial = orders.find(outcome.intentKey()).orElseThrow();
        assertThat(partial.state()).isEqualTo(OrderState.PARTIALLY_FILLED);

        kit.clock().advance(Duration.ofSeconds(11)); // past MOMENTUM_LIMIT_TIMEOUT_SEC, in market time
        OrderRecord done = until(() -> {
            orders.settleOpen();
            return orders.find(outcome.intentKey()).orElseThrow();
        }, OrderRecord::isFinal, Duration.ofSeconds(10));

        assertThat(done.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(done.filledQuantity()).isPositive().isLessThan(outcome.quantity());
        assertThat(count("SELECT QUANTITY FROM ACTIVE_PORTFOLIO_MOCK WHERE STOCK_CODE = '005930'"))
                .isEqualTo(done.filledQuantity());
        assertThat(count("SELECT COALESCE(SUM(QUANTITY),0) FROM TRADELOG_MOCK WHERE TRADE_TYPE = 'BUY'"))
                .isEqualTo(done.filledQuantity());
    }

    @Test
    void aHoldingsMismatchBlocksTheNextBuyUntilAdopted() {
        admin("PUT", "/admin/accounts/" + account + "/holdings/000660", Map.of("quantity", 20, "avgPrice", 190_000));
        assertThat(orders.reconcile().mismatches()).isNotEmpty();
        BuySignalHandler executor = executor();
        long price = price("005930");

        BuyOutcome blocked = executor.handle("1772586000000-0", signal("005930", "DIP_BUY", price));
        assertThat(blocked.status()).isEqualTo("skipped");
        assertThat(blocked.reason()).contains("000660");
        assertThat(simOrders()).isEmpty();

        orders.adopt("000660", "test");
        BuyOutcome after = executor.handle("1772586000001-0", signal("005930", "DIP_BUY", price));
        assertThat(after.status()).as(after.toString()).isEqualTo("success");
        assertThat(simOrders()).hasSize(1);
    }
}
