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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;

/**
 * The wiring both the buy-executor end-to-end tests and {@code scripts/bench-executor.sh} stand on: a migrated scratch
 * database, a fresh KIS account at kis-sim, the order service over it, and the real buy pipeline with settings taken
 * from {@link #env} (mock trading mode, market clock at kis-sim's paused 2026-03-04 10:00 KST).
 */
abstract class ExecutorOnSim extends SimTestSupport {

    protected static final Instant SIM_NOW = Instant.parse("2026-03-04T01:00:00Z");

    protected static ScratchDatabase database;
    protected static JdbcClient db;

    protected KisTestKit kit;
    protected String account;
    protected KisComponents kis;
    protected KisOrderService orders;
    protected final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.migrated("executor");
        db = database.jdbc();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void wire() {
        kit = new KisTestKit();
        kit.clearKisKeys();
        for (String pattern : List.of("orders:*", "lock:buy*", "trading:*")) {
            Set<String> keys = kit.redis().keys(pattern);
            if (keys != null && !keys.isEmpty()) {
                kit.redis().delete(keys);
            }
        }
        kit.clock().set(SIM_NOW);
        String key = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        account = String.valueOf(60_000_000 + ThreadLocalRandom.current().nextInt(30_000_000));
        for (String table : List.of("ORDER_LEDGER_MOCK", "ORDER_FILL_MOCK", "TRADELOG_MOCK",
                "ACTIVE_PORTFOLIO_MOCK")) {
            db.sql("DELETE FROM " + table).update();
        }
        KisProperties props = KisTestKit.properties(base(), 19, key, "secret-" + key, account)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        kis = kit.components(props, KisMode.PAPER);
        OrderScope scope = new OrderScope("MOCK", account);
        orders = new KisOrderService(kis.client(), new RedisOrderBook(kit.redis(), kit.json(), scope),
                new OrderLedger(database.dataSource(), kit.clock(), TradingCosts.DEFAULT, kit.json(), scope),
                () -> false, kit.notifier(), kit.clock(), OrderProperties.defaults().withSettlement(
                Duration.ofSeconds(3), 3), new RedisOrderSafetyView(kit.redis(), kit.json(), scope));
        env.clear();
        env.put("USE_INTRADAY_ATR", "false");
    }

    @AfterEach
    void close() {
        kit.close();
    }

    protected BuySignalHandler executor() {
        TableNames tables = TableNames.forTradingMode("MOCK");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        RuntimeSettings settings = new RuntimeSettings(SettingsRegistry.standard(), k -> Optional.empty(), env::get,
                kit.clock(), Duration.ZERO);
        BuyPipeline pipeline = BuyPortsConfiguration.create(kit.redis(),
                new ActivePortfolioRepository(jdbc, new TransactionTemplate(
                        new DataSourceTransactionManager(database.dataSource())), kit.clock(), tables),
                new TradeLogRepository(jdbc, tables), new StockMasterRepository(jdbc, kit.clock()),
                new DailyPriceRepository(jdbc, kit.clock()), kis, orders, settings, () -> false, kit.notifier(),
                kit.clock(), KrxCalendar.bundled(KrxSessionRules.defaults()), "MOCK", Duration.ofSeconds(10));
        return new BuySignalHandler(pipeline);
    }

    protected JsonNode signal(String code, String type, long price) {
        return JSON.readTree("""
                {"candidates":[{"code":"%s","name":"삼성전자","stock_code":"%s","stock_name":"삼성전자",
                 "buy_signal_type":"%s","current_price":%d.0,"llm_score":72.5,"is_tradable":true,"trade_tier":null,
                 "is_super_prime":false,"factor_score":500.0,
                 "risk_setting":{"position_size_ratio":1.0,"stop_loss_multiplier":1.0,"risk_off_level":0,
                 "vix_regime":"normal","stop_loss_pct":-0.05,"macro_source":"daily_insight"}}],
                 "market_regime":"SIDEWAYS","scan_timestamp":"2026-03-04T00:59:59+00:00",
                 "source":"buy_scanner_websocket"}""".formatted(code, code, type, price));
    }

    protected List<JsonNode> simOrders() {
        List<JsonNode> list = new ArrayList<>();
        admin("GET", "/admin/orders?cano=" + account, null).json().forEach(list::add);
        return list;
    }

    protected long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    protected static OrderRecord until(Supplier<OrderRecord> step, Predicate<OrderRecord> done, Duration max)
            throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        OrderRecord last = step.get();
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(300);
            last = step.get();
        }
        return last;
    }

}
