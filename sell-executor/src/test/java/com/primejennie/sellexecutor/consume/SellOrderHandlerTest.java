package com.primejennie.sellexecutor.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.primejennie.sellexecutor.cooldown.StopLossCooldown;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.orders.NetProfit;
import com.primejennie.shared.orders.AdoptResult;
import com.primejennie.shared.orders.OpenExposure;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.OrderTicket;
import com.primejennie.shared.orders.OrderType;
import com.primejennie.shared.orders.Reconciliation;
import com.primejennie.shared.orders.SellKey;
import com.primejennie.shared.kis.OrderSide;
import java.math.BigDecimal;
import java.net.URI;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingsRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sell-executor's decisions (issue 15) against a scripted {@link OrderService} (the order service has its own
 * end-to-end tests against kis-sim) and a real Redis for the cooldown key.
 */
class SellOrderHandlerTest {

    /** An order service whose submit answers follow a script; keeps the SellKey in-flight markers. */
    static final class ScriptedOrders implements OrderService {
        final List<OrderTicket> submits = new ArrayList<>();
        final Deque<OrderState> script = new ArrayDeque<>();
        final Map<String, OrderRecord> inFlight = new HashMap<>();
        final Map<String, OrderRecord> byIntent = new HashMap<>();
        /** Intents whose fill message the background settler already sent. */
        final java.util.Set<String> noticeSentBySettler = new java.util.HashSet<>();
        final java.util.Set<String> noticeClaims = new java.util.HashSet<>();

        @Override
        public OrderRecord submit(OrderTicket t) {
            submits.add(t);
            if (t.sellKey() != null && inFlight.containsKey(t.sellKey().asString())
                    && !inFlight.get(t.sellKey().asString()).intentKey().equals(t.intentKey())) {
                return inFlight.get(t.sellKey().asString());
            }
            OrderState s = script.isEmpty() ? OrderState.FILLED : script.poll();
            long filled = s == OrderState.FILLED ? t.quantity() : 0;
            OrderRecord r = new OrderRecord(t.intentKey(), "MOCK", "acct", t.source(), t.code(), t.stockName(),
                    t.side(), t.quantity(), t.type(), 0, t.referencePrice(), null, "ODNO1", s, filled,
                    filled * t.referencePrice(), BigDecimal.valueOf(t.referencePrice()), 0, 0, 1, false,
                    s == OrderState.REJECTED ? "주문가능수량 부족" : s == OrderState.INTENDED ? "rate budget" : "",
                    Instant.EPOCH, Instant.EPOCH, Map.of());
            byIntent.put(t.intentKey(), r);
            if (t.sellKey() != null && s == OrderState.ACCEPTED) {
                inFlight.put(t.sellKey().asString(), r);
            }
            return r;
        }

        @Override
        public Optional<OrderRecord> find(String intentKey) {
            return Optional.ofNullable(byIntent.get(intentKey));
        }

        @Override
        public OrderRecord awaitFinal(String intentKey, Duration maxWait) {
            return byIntent.get(intentKey);
        }

        @Override
        public OrderRecord cancel(String intentKey) {
            throw new UnsupportedOperationException();
        }

        /** The ledger's net PnL of each sell, as KisOrderService reads it from TRADELOG. */
        final Map<String, NetProfit> ledgerProfit = new HashMap<>();

        @Override
        public Optional<NetProfit> netProfit(String intentKey) {
            return Optional.ofNullable(ledgerProfit.get(intentKey));
        }

        @Override
        public boolean claimFillNotice(String intentKey) {
            return !noticeSentBySettler.contains(intentKey) && noticeClaims.add(intentKey);
        }

        @Override
        public OpenExposure openExposure() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OrderRecord> sellInFlight(SellKey key) {
            return Optional.ofNullable(inFlight.get(key.asString()));
        }

        @Override
        public Reconciliation reconcile() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AdoptResult adopt(String code, String operator) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearHalt(String code, String operator) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrderSafetyView safety() {
            throw new UnsupportedOperationException();
        }
    }

    final ScriptedOrders orders = new ScriptedOrders();
    final Map<String, Long> holdings = new HashMap<>(Map.of("005930", 100L));
    boolean stopped;
    final List<String> cleared = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    LettuceConnectionFactory factory;
    StringRedisTemplate redis;
    SellOrderHandler handler;

    @BeforeEach
    void setUp() {
        URI uri = URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        redis.delete(List.of(StopLossCooldown.key("005930")));
        ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0));
        handler = new SellOrderHandler(orders, code -> holdings.getOrDefault(code, 0L), () -> stopped,
                new StopLossCooldown(redis, clock), () -> 5, cleared::add, new com.primejennie.shared.notify.Notifier() {
                    @Override
                    public boolean send(String text) {
                        messages.add(text);
                        return true;
                    }
                }, sleeps::add, SellOrderHandler.Policy.defaults());
    }

    @AfterEach
    void tearDown() {
        factory.destroy();
    }

    static SellOrder exit(int qty, String reason) {
        return SellOrder.fromMonitor("005930", "삼성전자", qty, 9_400.0, reason, "2026-02-12T02:00:00+00:00");
    }

    @Test
    void stopLossSellGoesThroughTheOrderServiceUnderTheEntryIdAndSetsTheCooldownAtItsFill() throws Exception {
        orders.ledgerProfit.put("sell:1770861600000-0", new NetProfit(-60_000, new java.math.BigDecimal("-6.00")));
        var o = handler.execute("1770861600000-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        assertThat(o.status()).isEqualTo("success");
        OrderTicket t = orders.submits.get(0);
        assertThat(t.intentKey()).isEqualTo("sell:1770861600000-0");
        assertThat(t.side()).isEqualTo(OrderSide.SELL);
        assertThat(t.type()).isEqualTo(OrderType.MARKET);
        assertThat(t.sellKey()).isEqualTo(new SellKey("005930", "STOP_LOSS", "held100"));
        assertThat(t.reason()).isEqualTo("Fixed Stop Loss: -6.00% (Limit: -6.0%)");
        String cd = redis.opsForValue().get(StopLossCooldown.key("005930"));
        assertThat(cd).contains("\"cooldown_days\": 5").contains("\"calendar_days\": 7");
        assertThat(redis.getExpire(StopLossCooldown.key("005930"))).isBetween(7 * 86400L - 5, 7 * 86400L);
        assertThat(cleared).containsExactly("005930");
        assertThat(messages.get(0)).contains("매도 체결").contains("-60,000원").contains("-6.00%");
    }

    @Test
    void summaryShowsTheLedgersNetProfitAndNoProfitLineWhileTheLedgerHasNone() throws Exception {
        orders.ledgerProfit.put("sell:10-0", new NetProfit(12_345, new java.math.BigDecimal("1.23")));
        handler.execute("10-0", exit(100, "Profit Target"));
        handler.execute("11-0", exit(100, "Profit Target"));

        assertThat(messages.get(0)).startsWith("🧪").contains("📈 *매도 체결*")
                .contains("손익: +12,345원 (+1.23%) (수수료·세금 차감)");
        assertThat(messages.get(1)).contains("📉 *매도 체결*").doesNotContain("손익");
    }

    @Test
    void sendsItsSummaryOnlyAfterClaimingTheFillNotice() throws Exception {
        handler.execute("8-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        assertThat(orders.noticeClaims).containsExactly("sell:8-0");
        assertThat(messages).singleElement().asString().contains("매도 체결");
    }

    @Test
    void skipsItsSummaryWhenTheSettlerAlreadySentTheFillMessageButStillSetsTheCooldown() throws Exception {
        orders.noticeSentBySettler.add("sell:9-0");
        var o = handler.execute("9-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        assertThat(o.status()).isEqualTo("success");
        assertThat(messages).noneMatch(m -> m.contains("매도 체결"));
        assertThat(redis.hasKey(StopLossCooldown.key("005930"))).isTrue();
        assertThat(cleared).containsExactly("005930");
    }

    @Test
    void atrStopSetsTheCooldownButTrailingAndProfitLockDoNot() throws Exception {
        handler.execute("1-0", exit(100, "Trailing TP: High 10,800 (-3.5%) → Stop 10,422 (Profit: 4.2%)"));
        assertThat(redis.hasKey(StopLossCooldown.key("005930"))).isFalse();
        handler.execute("2-0", exit(100, "Profit Lock L1 (High 3.0% >= 3.0%, Now 0.4% < 0.5%)"));
        assertThat(redis.hasKey(StopLossCooldown.key("005930"))).isFalse();
        handler.execute("3-0", exit(100, "ATR Stop (Price 9,499 < 9,500)"));
        assertThat(redis.hasKey(StopLossCooldown.key("005930"))).isTrue();
    }

    @Test
    void cooldownDaysFallBackToTheLastReadThenTheDefaultWhenTheConfigTableIsDown() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        RuntimeSettings settings = new RuntimeSettings(SettingsRegistry.standard(), name -> {
            if (down.get()) {
                throw new IllegalStateException("Failed to obtain JDBC Connection");
            }
            return java.util.Optional.of("3");
        }, name -> null, ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0)), Duration.ZERO);
        var days = SellExecutorWiring.cooldownDays(settings);
        assertThat(days.getAsInt()).as("registry default, nothing read yet").isEqualTo(5);
        down.set(false);
        assertThat(days.getAsInt()).isEqualTo(3);
        down.set(true);
        assertThat(days.getAsInt()).as("last value read").isEqualTo(3);
    }

    @Test
    void aFailingCooldownAfterTheFillStillReportsTheSaleAndAlerts() throws Exception {
        List<String> critical = new ArrayList<>();
        SellOrderHandler h = new SellOrderHandler(orders, code -> 100L, () -> false,
                new StopLossCooldown(redis, ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0))), () -> {
                    throw new IllegalStateException("setting unavailable");
                }, cleared::add, new com.primejennie.shared.notify.Notifier() {
                    @Override
                    public boolean send(String text) {
                        messages.add(text);
                        return true;
                    }

                    @Override
                    public boolean sendCritical(String text) {
                        critical.add(text);
                        return true;
                    }
                }, sleeps::add, SellOrderHandler.Policy.defaults());
        var o = h.execute("1-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        assertThat(o.status()).isEqualTo("success");
        assertThat(critical).singleElement().asString().contains("쿨다운");
        assertThat(cleared).containsExactly("005930");
        assertThat(messages).anyMatch(m -> m.contains("매도 체결"));
    }

    @Test
    void noCooldownWhenTheStopLossDidNotFill() throws Exception {
        orders.script.add(OrderState.REJECTED);
        handler.execute("1-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        assertThat(redis.hasKey(StopLossCooldown.key("005930"))).isFalse();
    }

    @Test
    void quantityIsCappedToTheBrokerHolding() throws Exception {
        holdings.put("005930", 40L);
        handler.execute("1-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        assertThat(orders.submits.get(0).quantity()).isEqualTo(40);
    }

    @Test
    void nothingHeldAtTheBrokerSendsNothing() throws Exception {
        holdings.clear();
        assertThat(handler.execute("1-0", exit(100, "MANUAL_SELL")).reason()).isEqualTo("Not in portfolio");
        assertThat(orders.submits).isEmpty();
        assertThat(messages.get(0)).contains("보유 주식이 없습니다");
    }

    @Test
    void transientFailureIsSubmittedAgainUnderTheSameIntent() throws Exception {
        orders.script.add(OrderState.INTENDED);
        orders.script.add(OrderState.INTENDED);
        orders.script.add(OrderState.FILLED);
        assertThat(handler.execute("7-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)")).status())
                .isEqualTo("success");
        assertThat(orders.submits).hasSize(3).extracting(OrderTicket::intentKey).containsOnly("sell:7-0");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void businessRejectionIsNotRetried() throws Exception {
        orders.script.add(OrderState.REJECTED);
        assertThat(handler.execute("7-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)")).status())
                .isEqualTo("rejected");
        assertThat(orders.submits).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void automaticSellHonoursTheEmergencyStopManualSellPassesIt() throws Exception {
        stopped = true;
        assertThat(handler.execute("1-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)")).reason())
                .isEqualTo("Emergency Stop Active");
        assertThat(orders.submits).isEmpty();
        SellOrder manual = new SellOrder("005930", "삼성전자", 10, null, "MANUAL_SELL", null, null, "telegram-manual",
                "op", "2026-02-12T02:00:00Z", false);
        assertThat(handler.execute("2-0", manual).status()).isEqualTo("success");
        assertThat(orders.submits).hasSize(1);
        assertThat(orders.submits.get(0).sellKey().exitKind()).isEqualTo("MANUAL");
    }

    @Test
    void reFiredExitWhileTheFirstSellIsInFlightQueuesNoSecondSell() throws Exception {
        orders.script.add(OrderState.ACCEPTED);
        handler.execute("1-0", exit(100, "Fixed Stop Loss: -6.00% (Limit: -6.0%)"));
        var again = handler.execute("2-0", exit(100, "Fixed Stop Loss: -6.10% (Limit: -6.0%)"));
        assertThat(again.status()).isEqualTo("duplicate");
        assertThat(orders.byIntent).containsOnlyKeys("sell:1-0");
    }

    @Test
    void stopLossIsNotSwallowedByAnEarlierPartialOfTheSamePosition() throws Exception {
        orders.script.add(OrderState.ACCEPTED);
        handler.execute("1-0", exit(25, "Scale-out L1: +3.0% (목표 +3.0%) [SIDEWAYS]"));
        var stop = handler.execute("2-0", exit(100, "ATR Stop (Price 9,499 < 9,500)"));
        assertThat(stop.status()).isEqualTo("success");
        assertThat(orders.submits).extracting(t -> t.sellKey().exitKind()).containsExactly("SCALE_OUT_L1",
                "ATR_STOP");
    }

    @Test
    void partialSaleKeepsLadderAndWatermark() throws Exception {
        handler.execute("1-0", exit(25, "Scale-out L1: +3.0% (목표 +3.0%) [SIDEWAYS]"));
        assertThat(cleared).isEmpty();
    }

    @Test
    void exitKindsFromReasons() {
        assertThat(ExitKinds.of("Scale-out L4(Force): +18.0% [SIDEWAYS]")).isEqualTo("SCALE_OUT_L4");
        assertThat(ExitKinds.of("Scale-out L2: +7.0% (목표 +7.0%) [BULL]")).isEqualTo("SCALE_OUT_L2");
        assertThat(ExitKinds.of("Profit Lock L2 (High 5.0% >= 5.0%, Now 1.4% < 1.5%)")).isEqualTo("PROFIT_LOCK_L2");
        assertThat(ExitKinds.of("MANUAL_SELLALL")).isEqualTo("MANUAL");
        assertThat(ExitKinds.of("Death Cross")).isEqualTo("DEATH_CROSS");
    }
}
