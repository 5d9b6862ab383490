package com.primejennie.buyexecutor.consume;

import com.primejennie.shared.orders.NetProfit;
import com.primejennie.shared.orders.AdoptResult;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OpenExposure;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.OrderTicket;
import com.primejennie.shared.orders.Reconciliation;
import com.primejennie.shared.orders.SellKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory order service for the decision tests (the real one is exercised against kis-sim). */
final class FakeOrderService implements OrderService {

    final Map<String, OrderTicket> submitted = new LinkedHashMap<>();
    final List<OpenExposure.OpenBuy> openBuys = new ArrayList<>();
    final Map<String, String> blocks = new HashMap<>();
    int buyOrdersToday;
    OrderState answer = OrderState.ACCEPTED;
    /** Intents whose fill message the background settler already sent. */
    final Set<String> noticeSentBySettler = new HashSet<>();
    final Set<String> noticeClaims = new HashSet<>();

    @Override
    public OrderRecord submit(OrderTicket t) {
        submitted.putIfAbsent(t.intentKey(), t);
        return new OrderRecord(t.intentKey(), "MOCK", "acct", t.source(), t.code(), t.stockName(), t.side(),
                t.quantity(), t.type(), t.limitPrice(), t.referencePrice(), null, "0001", answer, 0, 0,
                BigDecimal.ZERO, 0, 0, 1, false, answer == OrderState.REJECTED ? "refused" : "", Instant.EPOCH,
                Instant.EPOCH, t.keyMetrics());
    }

    @Override
    public Optional<OrderRecord> find(String intentKey) {
        return Optional.empty();
    }

    @Override
    public OrderRecord awaitFinal(String intentKey, Duration maxWait) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OrderRecord cancel(String intentKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<NetProfit> netProfit(String intentKey) {
        return Optional.empty(); // buys have none
    }

    @Override
    public boolean claimFillNotice(String intentKey) {
        return !noticeSentBySettler.contains(intentKey) && noticeClaims.add(intentKey);
    }

    @Override
    public OpenExposure openExposure() {
        return new OpenExposure(List.copyOf(openBuys), openBuys.stream().mapToLong(OpenExposure.OpenBuy::openAmount)
                .sum(), buyOrdersToday);
    }

    @Override
    public Optional<OrderRecord> sellInFlight(SellKey key) {
        return Optional.empty();
    }

    @Override
    public Reconciliation reconcile() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AdoptResult adopt(String code, String operator) {
        blocks.remove(code);
        return new AdoptResult(code, 0, 0, BigDecimal.ZERO);
    }

    @Override
    public void clearHalt(String code, String operator) {
        blocks.remove(code);
    }

    @Override
    public OrderSafetyView safety() {
        return new OrderSafetyView() {
            @Override
            public List<Halt> halts() {
                return List.of();
            }

            @Override
            public Optional<Halt> halt(String code) {
                return Optional.empty();
            }

            @Override
            public Optional<Reconciliation> reconciliation() {
                return Optional.empty();
            }

            @Override
            public Optional<String> buyBlock(String code) {
                return Optional.ofNullable(blocks.get(code));
            }
        };
    }
}
