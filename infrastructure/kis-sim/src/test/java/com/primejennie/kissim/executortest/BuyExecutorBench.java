package com.primejennie.kissim.executortest;

import com.primejennie.buyexecutor.consume.BuyOutcome;
import com.primejennie.buyexecutor.consume.BuyPipeline;
import com.primejennie.buyexecutor.consume.BuyPortsConfiguration;
import com.primejennie.buyexecutor.consume.BuySignalHandler;
import com.primejennie.kissim.SimTestSupport;
import com.primejennie.shared.messaging.ConsumerNames;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.MessagingProperties;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.testing.RealServices;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code scripts/bench-executor.sh}: N buy signals for N different stocks published to a buy-signal stream, consumed by
 * the real worker (one at a time, ACK first; each published once the previous is handled) into the pipeline and the order service, to kis-sim with its rate limit
 * off and the daily, portfolio, sector and cash limits raised. Prints
 * {@code executor: signals N, orders N, duplicates 0, signal->order p50 X ms p99 Y ms} (publish → order accepted).
 * Not a test (no assertion on timing); run only through the script.
 */
class BuyExecutorBench extends ExecutorOnSim {

    @Test
    void bench() throws Exception {
        int n = Integer.parseInt(System.getProperty("bench.signals", "40"));
        admin("PUT", "/admin/settings", Map.of("rateLimitRequests", 1_000_000, "rateLimitWindowMillis", 1000));
        env.put("MAX_BUY_COUNT_PER_DAY", "100000");
        env.put("MAX_PORTFOLIO_SIZE", "100000");
        env.put("MAX_SECTOR_STOCKS", "100000");
        env.put("MAX_SECTOR_PCT", "100");
        env.put("MAX_POSITION_VALUE_PCT", "100");
        env.put("CASH_FLOOR_SIDEWAYS_PCT", "0");
        env.put("CASH_KEEP_PCT", "0");
        env.put("RISK_PER_TRADE_PCT", "0.02");
        env.put("CORRELATION_CHECK_ENABLED", "false");
        KisProperties fast = KisTestKit.properties(base(), 100_000, "PS" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 20), "secret", account).withTimeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        kis = kit.components(fast, KisMode.PAPER);
        OrderScope scope = new OrderScope("MOCK", account);
        orders = new KisOrderService(kis.client(), new RedisOrderBook(kit.redis(), kit.json(), scope),
                new OrderLedger(database.dataSource(), kit.clock(), TradingCosts.DEFAULT, kit.json(), scope),
                () -> false, kit.notifier(), kit.clock(), OrderProperties.defaults(),
                new RedisOrderSafetyView(kit.redis(), kit.json(), scope));
        admin("PUT", "/admin/accounts/" + account + "/cash", Map.of("cash", 10_000_000_000L));
        List<String> codes = new ArrayList<>();
        for (JsonNode row : admin("GET", "/admin/universe", null).json()) {
            codes.add(row.path("code").asString());
        }
        if (codes.isEmpty()) {
            codes = universe();
        }
        n = Math.min(n, codes.size());
        BuySignalHandler handler = executor();
        String stream = "bench:buy-signals:" + UUID.randomUUID();
        Map<String, Long> published = new ConcurrentHashMap<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        List<String> skipped = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(n);
        MessagingMetrics metrics = MessagingMetrics.inMemory();
        try (StreamConnections connections = StreamConnections.of(RealServices.redis().url(), Duration.ofSeconds(5))) {
            StreamMessaging messaging = new StreamMessaging(connections, MessagingProperties.defaultsOnly(),
                    JSON, metrics, new ConsumerNames("bench-executor"));
            StreamSettings settings = StreamSettings.builtIn(Streams.BUY_SIGNALS);
            TradingSignalWorker<JsonNode> worker = messaging.worker(stream, "group_buy_executor", "bench-1",
                    JsonPayloadCodec.tree(JSON), m -> {
                        try {
                            BuyOutcome o = handler.handle(m.id(), m.payload());
                            long end = System.nanoTime();
                            if (o.isSuccess()) {
                                succeeded.add(o.stockCode());
                                latencies.add(end - published.get(o.stockCode()));
                            } else {
                                skipped.add(o.reason());
                            }
                        } finally {
                            done.countDown();
                        }
                    }, settings);
            worker.start();
            var publisher = messaging.publisher(stream);
            for (int i = 0; i < n; i++) {
                String code = codes.get(i);
                long price = price(code);
                published.put(code, System.nanoTime());
                long before = done.getCount();
                publisher.publish(signal(code, "DIP_BUY", price));
                // closed loop: the next signal goes out once this one is handled, so the figure is the executor's
                // latency, not the queue behind it
                long waitEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (done.getCount() == before && System.nanoTime() < waitEnd) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
            }
            done.await(120, java.util.concurrent.TimeUnit.SECONDS);
            worker.stop();
            kit.redis().delete(stream);
        }
        List<JsonNode> placed = simOrders();
        long distinct = placed.stream().map(o -> o.path("code").asString(o.path("pdno").asString())).distinct()
                .count();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (!skipped.isEmpty()) {
            System.out.println("skipped: " + skipped);
        }
        System.out.printf(java.util.Locale.ROOT,
                "executor: signals %d, orders %d, duplicates %d, signal->order p50 %d ms p99 %d ms%n", n,
                placed.size(), placed.size() - distinct, pct(sorted, 0.50), pct(sorted, 0.99));
    }

    @Test
    void profile() {
        List<String> codes = List.of("005930", "000660", "035420", "035720", "051910", "006400");
        for (String code : codes) {
            long t0 = System.nanoTime();
            kis.client().orderableCash();
            long t1 = System.nanoTime();
            orders.openExposure();
            long t2 = System.nanoTime();
            orders.safety().buyBlock(code);
            long t3 = System.nanoTime();
            long price = price(code);
            long t4 = System.nanoTime();
            orders.submit(com.primejennie.shared.orders.OrderTicket.marketBuy("p:" + code, "bench", code, "", 1, price));
            long t5 = System.nanoTime();
            BuyOutcome o = executor().handle("9-" + code, signal(code, "DIP_BUY", price));
            long t6 = System.nanoTime();
            System.out.printf("profile %s cash %d exposure %d block %d simprice %d submit %d handle %d ms (%s)%n", code,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                    (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000, o.status() + " " + o.reason());
        }
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1_000_000;
    }

    private static List<String> universe() throws Exception {
        List<String> codes = new ArrayList<>();
        try (var in = BuyExecutorBench.class.getResourceAsStream("/kis-sim/universe.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("code")) {
                    codes.add(line.split(",")[0].trim());
                }
            }
        }
        return codes;
    }
}
