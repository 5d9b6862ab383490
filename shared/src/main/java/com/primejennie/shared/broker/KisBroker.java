package com.primejennie.shared.broker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.kis.DailyOrder;
import com.primejennie.shared.kis.Holding;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.kis.KisErrorKind;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.kis.OrderAck;
import com.primejennie.shared.kis.OrderRequest;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.Notifier;

/**
 * {@link Broker} on the KIS client. Submit protocol:
 * <ol>
 *   <li>a halted stock is refused without calling KIS;</li>
 *   <li>the intent is written to Redis (PENDING) before the order is sent; an existing intent is never sent again
 *       but answered from its outcome or settled;</li>
 *   <li>KIS's answer decides: ACCEPTED; REJECTED when KIS refused it or it provably never left; UNKNOWN when the
 *       answer was lost (timeout, server error);</li>
 *   <li>UNKNOWN is settled from today's orders: exactly one unclaimed order with the same code, side and quantity
 *       inside the submit's time window → ACCEPTED; the inquiry succeeded and lists none → it never reached KIS and is
 *       sent once more; several, or the inquiry failed → stays UNKNOWN, the stock is halted for every process and the
 *       operator is alerted.</li>
 * </ol>
 */
public class KisBroker implements Broker {

    private static final Logger log = LoggerFactory.getLogger(KisBroker.class);
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final KisClient kis;
    private final OrderIntentStore intents;
    private final StockHalts halts;
    private final Notifier notifier;
    private final MarketClock clock;
    private final BrokerProperties settings;

    public KisBroker(KisClient kis, OrderIntentStore intents, StockHalts halts, Notifier notifier, MarketClock clock,
                     BrokerProperties settings) {
        this.kis = kis;
        this.intents = intents;
        this.halts = halts;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public SubmitResult submit(String intentKey, OrderRequest order) {
        if (intentKey == null || intentKey.isBlank()) {
            throw new IllegalArgumentException("an order needs an intent key (order " + order + ")");
        }
        Optional<StockHalt> halt;
        Optional<OrderIntent> existing;
        try {
            halt = halts.find(order.code());
            existing = intents.find(intentKey);
        } catch (RuntimeException e) {
            return SubmitResult.rejected("not sent: cannot read the order intent or halt state in Redis: "
                    + e.getMessage(), true);
        }
        if (existing.isPresent()) {
            return resume(existing.get(), order);
        }
        if (halt.isPresent()) {
            return SubmitResult.rejected("not sent: new orders for " + order.code() + " are halted since "
                    + halt.get().since() + " (" + halt.get().reason() + ")", false);
        }
        long now = clock.instant().toEpochMilli();
        OrderIntent intent = new OrderIntent(intentKey, order.code(), order.side(), order.quantity(),
                order.limitPrice(), OrderIntent.State.PENDING, "", "", 1,
                now - settings.settlementSlack().toMillis(), now);
        boolean created;
        try {
            created = intents.create(intent);
        } catch (RuntimeException e) {
            return SubmitResult.rejected("not sent: cannot write the order intent to Redis: " + e.getMessage(), true);
        }
        if (!created) {
            return intents.find(intentKey).map(found -> resume(found, order))
                    .orElseGet(() -> SubmitResult.unknown("intent " + intentKey + " vanished while being created"));
        }
        return send(intent, order);
    }

    private SubmitResult resume(OrderIntent intent, OrderRequest order) {
        if (!intent.code().equals(order.code()) || intent.side() != order.side()
                || intent.quantity() != order.quantity()) {
            throw new IllegalArgumentException("intent key " + intent.intentKey() + " already names another order: "
                    + intent.side() + " " + intent.quantity() + " " + intent.code());
        }
        return switch (intent.state()) {
            case ACCEPTED -> SubmitResult.accepted(intent.orderNo(), "already accepted under this intent");
            case REJECTED -> SubmitResult.rejected(intent.reason(), false);
            case UNKNOWN -> settle(intent, order);
            case PENDING -> {
                long age = clock.instant().toEpochMilli() - intent.updatedAtMs();
                if (age < settings.inFlightGrace().toMillis()) {
                    yield SubmitResult.unknown("intent " + intent.intentKey() + " is being submitted right now");
                }
                // Left PENDING by a process that died while sending: settle it, never resend blindly.
                yield settle(intent, order);
            }
        };
    }

    private SubmitResult send(OrderIntent intent, OrderRequest order) {
        OrderAck ack;
        try {
            ack = kis.placeOrder(order);
        } catch (KisException e) {
            if (e.kind().outcomeUnknown()) {
                OrderIntent unknown = intent.with(OrderIntent.State.UNKNOWN, "", e.reason(), nowMs());
                persist(unknown);
                log.warn("submit {} ({} {} {}): answer lost ({}); settling from today's orders", intent.intentKey(),
                        order.side(), order.quantity(), order.code(), e.getMessage());
                return settle(unknown, order);
            }
            if (e.kind() == KisErrorKind.REJECTED) {
                persist(intent.with(OrderIntent.State.REJECTED, "", e.reason(), nowMs()));
                return SubmitResult.rejected(e.reason(), false);
            }
            // Never reached KIS's order system (rate error, breaker open, connect failure, no token).
            try {
                intents.delete(intent.intentKey());
            } catch (RuntimeException redisDown) {
                log.error("could not release intent {}: {}", intent.intentKey(), redisDown.toString());
            }
            return SubmitResult.rejected("not sent: " + e.reason(), true);
        } catch (RuntimeException e) {
            OrderIntent unknown = intent.with(OrderIntent.State.UNKNOWN, "", e.toString(), nowMs());
            persist(unknown);
            return settle(unknown, order);
        }
        accept(intent, ack.orderNo(), "accepted");
        return SubmitResult.accepted(ack.orderNo(), "accepted by KIS");
    }

    private SubmitResult settle(OrderIntent intent, OrderRequest order) {
        pause();
        List<DailyOrder> today;
        try {
            today = kis.todaysOrders();
        } catch (KisException e) {
            return haltUnknown(intent, "today's orders could not be read (" + e.reason() + ")");
        } catch (RuntimeException e) {
            return haltUnknown(intent, "today's orders could not be read (" + e + ")");
        }
        Instant windowStart = Instant.ofEpochMilli(intent.windowStartMs());
        Instant windowEnd = clock.instant().plus(settings.settlementSlack());
        LocalDate day = clock.today();
        String dayKey = day.format(YMD);
        List<DailyOrder> matches;
        try {
            matches = today.stream()
                    .filter(o -> o.code().equals(intent.code()) && o.side() == intent.side()
                            && o.orderQuantity() == intent.quantity())
                    .filter(o -> o.originalOrderNo().isBlank()) // cancel and modify orders are not new submits
                    .filter(o -> o.orderTime() != null)
                    .filter(o -> {
                        Instant at = o.orderTime().atDate(day).atZone(MarketClock.KST).toInstant();
                        return !at.isBefore(windowStart) && !at.isAfter(windowEnd);
                    })
                    .filter(o -> !intents.isClaimed(dayKey, o.orderNo()))
                    .toList();
        } catch (RuntimeException e) {
            return haltUnknown(intent, "the orders already claimed could not be read from Redis (" + e + ")");
        }
        if (matches.size() == 1) {
            String orderNo = matches.get(0).orderNo();
            accept(intent, orderNo, "settled from today's orders");
            log.info("submit {} settled: KIS lists order {} for it", intent.intentKey(), orderNo);
            return SubmitResult.accepted(orderNo, "settled from today's orders");
        }
        if (matches.isEmpty() && intent.sends() < 2) {
            log.warn("submit {}: KIS lists no such order, so it never arrived; sending it once more",
                    intent.intentKey());
            OrderIntent again = intent.sentAgain(nowMs());
            try {
                intents.save(again); // must be recorded before the resend, or a crash could allow a third send
            } catch (RuntimeException e) {
                return haltUnknown(intent, "the resend could not be recorded in Redis (" + e + ")");
            }
            return send(again, order);
        }
        String why = matches.isEmpty()
                ? "KIS still lists no matching order after the one permitted resend"
                : matches.size() + " of today's orders match (" + matches.stream().map(DailyOrder::orderNo).toList()
                        + "); cannot tell which is this submit";
        return haltUnknown(intent, why);
    }

    private SubmitResult haltUnknown(OrderIntent intent, String why) {
        OrderIntent unknown = intent.with(OrderIntent.State.UNKNOWN, "", why, nowMs());
        persist(unknown);
        try {
            halts.halt(new StockHalt(intent.code(), intent.intentKey(), why, clock.instant()));
        } catch (RuntimeException e) {
            log.error("could not persist the halt of {}: {}", intent.code(), e.toString());
        }
        String text = "🚨 주문 상태 불명: " + intent.side() + " " + intent.quantity() + "주 " + intent.code()
                + " (intent " + intent.intentKey() + ") — " + why + ". 이 종목의 신규 주문을 중단했습니다."
                + " KIS에서 확인 후 해제하세요.";
        log.error(text);
        notifier.sendCritical(text);
        return SubmitResult.unknown(why);
    }

    private void accept(OrderIntent intent, String orderNo, String how) {
        // The order exists at KIS whatever happens here: a Redis failure is logged, never thrown at the caller.
        persist(intent.with(OrderIntent.State.ACCEPTED, orderNo, how, nowMs()));
        try {
            intents.claimOrder(clock.today().format(YMD), orderNo);
        } catch (RuntimeException e) {
            log.error("could not mark order {} as claimed by {}: {}", orderNo, intent.intentKey(), e.toString());
        }
    }

    private void persist(OrderIntent intent) {
        try {
            intents.save(intent);
        } catch (RuntimeException e) {
            log.error("could not record intent {} as {} ({}): {}", intent.intentKey(), intent.state(),
                    intent.orderNo(), e.toString());
        }
    }

    @Override
    public CancelResult cancel(String orderNo) {
        try {
            String branch = kis.orderStatus(orderNo).stream().filter(o -> o.orderNo().equals(orderNo))
                    .map(DailyOrder::branchNo).findFirst().orElse("");
            kis.cancel(orderNo, branch);
            return new CancelResult(CancelResult.Status.CANCELLED, "");
        } catch (KisException e) {
            CancelResult.Status status = e.kind().outcomeUnknown() ? CancelResult.Status.UNKNOWN
                    : CancelResult.Status.REJECTED;
            return new CancelResult(status, e.reason());
        }
    }

    @Override
    public Optional<FillStatus> fills(String orderNo) {
        return kis.orderStatus(orderNo).stream().filter(o -> o.orderNo().equals(orderNo)).findFirst()
                .map(o -> new FillStatus(o.orderNo(), o.code(), o.side(), o.orderQuantity(), o.filledQuantity(),
                        o.averagePrice(), o.remainingQuantity(), o.cancelled()));
    }

    @Override
    public long cash() {
        return kis.orderableCash();
    }

    @Override
    public List<Holding> holdings() {
        return kis.balance().holdings();
    }

    @Override
    public Optional<StockHalt> halt(String code) {
        return halts.find(code);
    }

    @Override
    public void clearHalt(String code) {
        halts.clear(code);
        log.warn("halt on {} cleared by an operator", code);
    }

    private long nowMs() {
        return clock.instant().toEpochMilli();
    }

    private void pause() {
        long ms = settings.settleDelay().toMillis();
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
