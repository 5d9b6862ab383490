package com.primejennie.kissim.clienttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;
import com.primejennie.shared.broker.Broker;
import com.primejennie.shared.broker.BrokerProperties;
import com.primejennie.shared.broker.FillStatus;
import com.primejennie.shared.broker.KisBroker;
import com.primejennie.shared.broker.OrderIntentStore;
import com.primejennie.shared.broker.StockHalts;
import com.primejennie.shared.broker.SubmitResult;
import com.primejennie.shared.kis.AccountBalance;
import com.primejennie.shared.kis.DailyOrder;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisErrorKind;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisProperties;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.kis.OrderAck;
import com.primejennie.shared.kis.OrderRequest;
import com.primejennie.shared.kis.OrderSide;
import com.primejennie.shared.kis.Quote;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/**
 * The shared KIS client and Broker end to end against kis-sim over real HTTP: KIS's paths, tr_ids, field names, its
 * token throttle and rate limit, and injected faults (HTTP 500, rate error, a lost answer after the order was taken).
 * Each test uses its own app key and account, so the simulator's per-key token throttle and rate window are its own.
 * The client's clock stands where the simulator's paused clock does: Wednesday 2026-03-04 10:00 KST.
 */
class KisClientAgainstSimTest extends SimTestSupport {

    private static final long HOLD = 6_000;
    private static final Instant SIM_NOW = Instant.parse("2026-03-04T01:00:00Z");

    private KisTestKit kit;
    private String key;
    private String account;

    @BeforeEach
    void client() {
        kit = new KisTestKit();
        kit.clearKisKeys();
        kit.clock().set(SIM_NOW);
        key = "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        account = String.valueOf(60_000_000 + ThreadLocalRandom.current().nextInt(30_000_000));
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private KisProperties props(int budget) {
        // generous read timeout for a loaded build machine; injected hangs last longer (HOLD)
        return KisTestKit.properties(base(), budget, key, "secret-" + key, account)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    private KisComponents service(int budget) {
        return kit.components(props(budget), KisMode.PAPER);
    }

    private Broker broker(KisComponents kis) {
        return new KisBroker(kis.client(), new OrderIntentStore(kit.redis(), kit.json(), Duration.ofDays(1)),
                new StockHalts(kit.redis(), kit.json()), kit.notifier(), kit.clock(),
                new BrokerProperties(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(30), null));
    }

    private void fault(String kind, int count, String path, long holdMillis) {
        admin("POST", "/admin/faults", Map.of("kind", kind, "count", count, "path", path, "holdMillis", holdMillis));
    }

    private List<JsonNode> simOrders() {
        List<JsonNode> orders = new ArrayList<>();
        admin("GET", "/admin/orders?cano=" + account, null).json().forEach(orders::add);
        return orders;
    }

    @Test
    void everyOperationWorksAgainstTheSimulator() {
        KisComponents kis = service(19);
        Broker broker = broker(kis);
        admin("PUT", "/admin/accounts/" + account + "/holdings/000660", Map.of("quantity", 20, "avgPrice", 190000));

        assertThat(kis.client().accessToken()).isNotBlank();
        assertThat(kis.client().approvalKey()).isNotBlank();
        Quote quote = kis.client().currentPrice("005930");
        assertThat(quote.price()).isPositive();
        assertThat(quote.high()).isGreaterThanOrEqualTo(quote.low());
        var daily = kis.client().dailyChart("005930", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 3, 3), 'D');
        assertThat(daily).hasSizeGreaterThan(100); // paged back beyond KIS's 100 rows per answer
        assertThat(daily.get(0).date()).isBefore(daily.get(daily.size() - 1).date());
        assertThat(kis.client().dailyChart("005930", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 3), 'W'))
                .isNotEmpty();
        assertThat(kis.client().minuteChart("005930", LocalTime.of(10, 0))).isNotEmpty()
                .allSatisfy(bar -> assertThat(bar.close()).isPositive());
        assertThat(kis.client().dailyPrices("005930")).isNotEmpty();
        assertThat(kis.client().investorFlow("005930")).isNotEmpty();
        long cash = broker.cash();
        assertThat(cash).isPositive();

        SubmitResult buy = broker.submit("e2e:buy", OrderRequest.market("005930", OrderSide.BUY, 10));
        assertThat(buy.status()).as(buy.reason()).isEqualTo(SubmitResult.Status.ACCEPTED);
        FillStatus fill = broker.fills(buy.orderNo()).orElseThrow();
        assertThat(fill.filledQuantity()).isEqualTo(10);
        assertThat(fill.averagePrice()).isPositive();
        assertThat(broker.holdings()).anySatisfy(h -> {
            assertThat(h.code()).isEqualTo("005930");
            assertThat(h.quantity()).isEqualTo(10);
        });
        AccountBalance balance = kis.client().balance();
        assertThat(balance.holdings()).extracting(h -> h.code()).contains("005930", "000660");

        long far = kis.client().currentPrice("000660").price() * 12 / 10; // above the market, inside the +30 % limit
        far = far - far % 1000;
        SubmitResult sell = broker.submit("e2e:sell", OrderRequest.limit("000660", OrderSide.SELL, 5, far));
        assertThat(sell.status()).as(sell.reason()).isEqualTo(SubmitResult.Status.ACCEPTED);
        assertThat(broker.cancel(sell.orderNo()).cancelled()).isTrue();
        assertThat(broker.fills(sell.orderNo()).orElseThrow().cancelled()).isTrue();

        List<DailyOrder> today = kis.client().todaysOrders();
        assertThat(today).extracting(DailyOrder::orderNo).contains(buy.orderNo(), sell.orderNo());
    }

    @Test
    void twoServicesShareOneTokenIssuedExactlyOnce() throws Exception {
        admin("PUT", "/admin/settings", Map.of("tokenIssueIntervalMillis", 60_000));
        List<KisComponents> services = List.of(service(19), service(19));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> prices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            KisComponents svc = services.get(i % 2);
            prices.add(pool.submit(() -> {
                start.await();
                return svc.client().currentPrice("005930").price();
            }));
        }
        start.countDown();
        for (Future<Long> price : prices) {
            assertThat(price.get(30, TimeUnit.SECONDS)).isPositive();
        }
        pool.shutdown();

        // a second issuance inside the simulator's minute would have been refused (EGW00133) and failed a call
        assertThat(services.get(0).client().accessToken()).isEqualTo(services.get(1).client().accessToken());
        JsonNode again = issueToken(key);
        assertThat(again.path("error_code").asString()).isEqualTo("EGW00133");
    }

    @Test
    void theSharedLimiterHoldsTheRateAcrossManyThreadsWhereAnUnlimitedClientHitsEgw00201() throws Exception {
        admin("PUT", "/admin/settings", Map.of("rateLimitRequests", 5, "rateLimitWindowMillis", 1000));
        // one under the simulator's 5/s, in the default 1.1 s window; one attempt, so any EGW00201 would surface
        KisProperties limited = props(4).withReadAttempts(1);
        KisComponents two = kit.components(limited, KisMode.PAPER);
        KisComponents one = kit.components(limited, KisMode.PAPER);
        one.client().accessToken();

        AtomicInteger rateErrors = new AtomicInteger();
        int calls = burst(List.of(one, two), 8, 2, rateErrors);

        assertThat(calls).isEqualTo(16);
        assertThat(rateErrors).hasValue(0);

        // control: the same burst without the shared budget is refused by the simulator
        kit.clearKisKeys();
        KisProperties unlimited = props(1000).withReadAttempts(1);
        kit.redis().opsForValue().set(one.tokens().tokenKey(), "{\"access_token\":\"" + one.client().accessToken()
                + "\",\"expires_at\":" + SIM_NOW.plusSeconds(80_000).getEpochSecond() + "}");
        KisComponents greedy = kit.components(unlimited, KisMode.PAPER);
        burst(List.of(greedy), 8, 2, rateErrors);
        assertThat(rateErrors.get()).isPositive();
    }

    private static int burst(List<KisComponents> services, int threads, int perThread, AtomicInteger rateErrors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            KisComponents svc = services.get(t % services.size());
            futures.add(pool.submit(() -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < perThread; i++) {
                    try {
                        svc.client().currentPrice("005930");
                        ok++;
                    } catch (KisException e) {
                        if (e.kind() == KisErrorKind.RATE_LIMITED) {
                            rateErrors.incrementAndGet();
                        } else {
                            throw e;
                        }
                    }
                }
                return ok;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return total;
    }

    @Test
    void breakerOpensOnServerErrorsStopsCallingAndClosesAfterTheWait() {
        KisComponents kis = service(19);
        kis.client().accessToken();
        fault("HTTP_500", 4, "inquire-price", 0);

        // window of 4 at 50 %: two successful calls, then the failures of one read (with its retries) open it
        kis.client().orderableCash();
        kis.client().orderableCash();
        assertThatThrownBy(() -> kis.client().currentPrice("005930")).isInstanceOf(KisException.class);
        assertThat(kis.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int faultsLeft = admin("GET", "/admin/faults", null).json().path(0).path("remaining").asInt();
        assertThatThrownBy(() -> kis.client().currentPrice("005930")).isInstanceOfSatisfying(KisException.class,
                e -> assertThat(e.kind()).isEqualTo(KisErrorKind.CIRCUIT_OPEN));
        assertThat(admin("GET", "/admin/faults", null).json().path(0).path("remaining").asInt())
                .as("an open breaker sends nothing").isEqualTo(faultsLeft);

        admin("DELETE", "/admin/faults", null);
        kit.clock().advance(Duration.ofSeconds(31));
        assertThat(kis.client().currentPrice("005930").price()).isPositive();
        assertThat(kis.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(kit.notifier().messages()).anyMatch(m -> m.contains("CLOSED -> OPEN"))
                .anyMatch(m -> m.contains("HALF_OPEN -> CLOSED"));
    }

    @Test
    void rateErrorIsRetriedForAReadAndNeverForAnOrder() {
        KisComponents kis = service(19);
        Broker broker = broker(kis);
        fault("RATE_LIMIT", 2, "inquire-price", 0);

        assertThat(kis.client().currentPrice("005930").price()).isPositive();

        fault("RATE_LIMIT", 1, "order-cash", 0);
        SubmitResult result = broker.submit("e2e:rate", OrderRequest.market("005930", OrderSide.BUY, 1));

        assertThat(result.status()).isEqualTo(SubmitResult.Status.REJECTED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).contains("EGW00201");
        assertThat(simOrders()).isEmpty();
        assertThat(admin("GET", "/admin/faults", null).json()).isEmpty();
    }

    @Test
    void settlesLostSubmitFromOrdersInquiryWithoutSecondOrder() {
        KisComponents kis = service(19);
        Broker broker = broker(kis);
        fault("LOST_RESPONSE", 1, "order-cash", HOLD);

        SubmitResult result = broker.submit("e2e:lost", OrderRequest.market("005930", OrderSide.BUY, 7));

        assertThat(result.status()).isEqualTo(SubmitResult.Status.ACCEPTED);
        List<JsonNode> orders = simOrders();
        assertThat(orders).hasSize(1);
        assertThat(result.orderNo()).isEqualTo(orders.get(0).path("odno").asString());
        assertThat(broker.halt("005930")).isEmpty();
        assertThat(broker.submit("e2e:lost", OrderRequest.market("005930", OrderSide.BUY, 7)).orderNo())
                .isEqualTo(result.orderNo());
        assertThat(simOrders()).hasSize(1);
    }

    @Test
    void timedOutSubmitThatNeverReachedKisIsSentOnceMore() {
        KisComponents kis = service(19);
        Broker broker = broker(kis);
        fault("TIMEOUT", 1, "order-cash", HOLD);

        SubmitResult result = broker.submit("e2e:timeout", OrderRequest.market("005930", OrderSide.BUY, 3));

        assertThat(result.status()).isEqualTo(SubmitResult.Status.ACCEPTED);
        assertThat(simOrders()).hasSize(1);
    }

    @Test
    void ambiguousLostSubmitHaltsThatStockForEveryServiceAndAlerts() {
        KisComponents kis = service(19);
        Broker broker = broker(kis);
        OrderAck a = kis.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 5)); // placed by hand,
        OrderAck b = kis.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 5)); // not by the broker
        fault("LOST_RESPONSE", 1, "order-cash", HOLD);

        SubmitResult result = broker.submit("e2e:ambiguous", OrderRequest.market("005930", OrderSide.BUY, 5));

        assertThat(result.status()).isEqualTo(SubmitResult.Status.UNKNOWN);
        assertThat(result.reason()).contains(a.orderNo()).contains(b.orderNo());
        assertThat(kit.notifier().messages()).anyMatch(m -> m.contains("005930") && m.contains("e2e:ambiguous"));
        Broker otherService = broker(service(19));
        assertThat(otherService.halt("005930")).isPresent();
        SubmitResult next = otherService.submit("e2e:after-halt", OrderRequest.market("005930", OrderSide.BUY, 1));
        assertThat(next.status()).isEqualTo(SubmitResult.Status.REJECTED);
        assertThat(next.reason()).contains("halted");
        assertThat(simOrders()).hasSize(3);
        assertThat(otherService.submit("e2e:other-stock", OrderRequest.market("000660", OrderSide.BUY, 1)).status())
                .isEqualTo(SubmitResult.Status.ACCEPTED);
    }

    @Test
    void expiredTokenIsRefreshedOnceWithoutTroublingTheCaller() {
        admin("PUT", "/admin/settings", Map.of("tokenIssueIntervalMillis", 0));
        KisComponents kis = kit.components(props(19).withToken(new KisProperties.Token(null, Duration.ofMillis(1),
                null)), KisMode.PAPER);
        String first = kis.client().accessToken();
        admin("POST", "/admin/tokens/expire", null);

        assertThat(kis.client().currentPrice("005930").price()).isPositive();
        assertThat(kis.client().accessToken()).isNotEqualTo(first);
    }
}
