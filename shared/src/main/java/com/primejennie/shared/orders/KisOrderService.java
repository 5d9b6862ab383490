package com.primejennie.shared.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.kis.DailyOrder;
import com.primejennie.shared.kis.Holding;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.kis.KisErrorKind;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.kis.OrderAck;
import com.primejennie.shared.kis.OrderRequest;
import com.primejennie.shared.kis.OrderSide;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.orders.OrderStateMachine.Event;
import com.primejennie.shared.trading.DryRun;

/**
 * {@link OrderService} on the KIS client, Redis ({@link RedisOrderBook}: live state, leases, halts) and MariaDB
 * ({@link OrderLedger}: ledger rows and the positions that follow fills). The protocol is
 * {@link OrderStateMachine}; this class does the I/O of each step:
 * <ol>
 *   <li><b>submit</b>: dedup (intent key; sell key), dry run, buy blocks (halt, mismatch), create INTENDED under
 *       an owner token and lease, then send;</li>
 *   <li><b>send</b>: touch the lease, SENT, one HTTP write; the answer decides ACCEPTED (order number claimed),
 *       REJECTED (rt_cd != 0 on 2xx or a known business code), INTENDED again (provably not written), or UNKNOWN;</li>
 *   <li><b>settle</b> an UNKNOWN: today's orders, several times over the settlement window, breaker bypassed; a
 *       matching unclaimed order is claimed by SADD → ACCEPTED; a buy never goes again (UNKNOWN, halt, alert); a
 *       sell goes once more only when the whole window listed nothing;</li>
 *   <li><b>step</b> (background settler and {@link #awaitFinal}): fills from today's orders, limit timeout → cancel,
 *       CANCELLED when KIS lists no rest, late fills, ledger and positions written from fills (journal in Redis while
 *       MariaDB is down);</li>
 *   <li><b>orphan fill messages</b> (background settler only): an order that ended with fills after the handler
 *       that placed it stopped watching it gets its fill message from the settler ({@link OrphanFillNotices}).</li>
 * </ol>
 */
public class KisOrderService implements OrderService {

    private static final Logger log = LoggerFactory.getLogger(KisOrderService.class);
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final KisClient kis;
    private final RedisOrderBook book;
    private final OrderLedger ledger;
    private final DryRun dryRun;
    private final Notifier notifier;
    private final MarketClock clock;
    private final OrderProperties props;
    private final OrderSafetyView safety;
    private final OrphanFillNotices fillNotices;
    private final String process = UUID.randomUUID().toString().substring(0, 8);

    public KisOrderService(KisClient kis, RedisOrderBook book, OrderLedger ledger, DryRun dryRun, Notifier notifier,
                           MarketClock clock, OrderProperties props, OrderSafetyView safety) {
        this.kis = kis;
        this.book = book;
        this.ledger = ledger;
        this.dryRun = dryRun;
        this.notifier = notifier;
        this.clock = clock;
        this.props = props;
        this.safety = safety;
        this.fillNotices = new OrphanFillNotices(book, ledger, notifier);
    }

    public OrderScope scope() {
        return book.scope();
    }

    // ------------------------------------------------------------------ submit

    @Override
    public OrderRecord submit(OrderTicket ticket) {
        Optional<OrderRecord> existing;
        try {
            existing = book.find(ticket.intentKey());
        } catch (RuntimeException e) {
            return transientRecord(ticket, "not sent: cannot read the order book in Redis: " + e.getMessage());
        }
        if (existing.isPresent()) {
            requireSameOrder(existing.get(), ticket);
            watch(ticket.intentKey());
            return resume(existing.get());
        }
        if (ticket.sellKey() != null) {
            Optional<OrderRecord> inFlight = sellInFlight(ticket.sellKey());
            if (inFlight.isPresent()) {
                log.info("sell {} not sent: {} already has sell {} in flight", ticket.intentKey(),
                        ticket.sellKey().asString(), inFlight.get().intentKey());
                return inFlight.get();
            }
        }
        boolean dry = dryRunActive();
        Optional<String> block = Optional.empty();
        long quantity = ticket.quantity();
        if (!dry) {
            try {
                block = safety.buyBlock(ticket.code());
            } catch (RuntimeException e) {
                block = Optional.of("cannot read halts: " + e.getMessage());
            }
            if (ticket.side() == OrderSide.SELL && block.isPresent()) {
                // Halts never block an exit: sell up to what the broker holds.
                quantity = cappedToBroker(ticket);
                block = Optional.empty();
            }
        }
        Instant now = clock.instant();
        Duration timeout = ticket.limitTimeout() == null ? props.defaultLimitTimeout() : ticket.limitTimeout();
        OrderRecord intended = new OrderRecord(ticket.intentKey(), scope().tradingMode(), scope().account(),
                ticket.source(), ticket.code(), ticket.stockName(), ticket.side(), quantity, ticket.type(),
                ticket.limitPrice(), ticket.referencePrice(),
                ticket.type() == OrderType.LIMIT ? now.plus(timeout) : null, "", OrderState.INTENDED, 0, 0,
                BigDecimal.ZERO, 0, 0, 0, false, "", now, now, ticket.keyMetrics());
        String token = token();
        RedisOrderBook.Created created;
        try {
            created = book.create(intended, token, props.lease(),
                    String.valueOf(now.minus(props.settlementSlack()).toEpochMilli()), ticket.sellKey(),
                    ticket.reason(), ticket.strategySignal(), day());
        } catch (RuntimeException e) {
            return transientRecord(ticket, "not sent: cannot write the order intent to Redis: " + e.getMessage());
        }
        if (!created.created()) {
            if (!created.duplicateOf().isEmpty()) {
                return book.find(created.duplicateOf()).orElseGet(() -> find(ticket.intentKey()).orElseThrow());
            }
            OrderRecord found = book.find(ticket.intentKey()).orElseThrow();
            requireSameOrder(found, ticket);
            watch(ticket.intentKey());
            return resume(found);
        }
        watch(ticket.intentKey());
        if (ticket.side() == OrderSide.SELL && quantity == 0) {
            return move(ticket.intentKey(), token, Event.REFUSE, OrderState.REJECTED,
                    Map.of("reason", "not sent: the broker holds no " + ticket.code()), -1);
        }
        if (dry) {
            log.info("dry run: {} {} {} x{} recorded, not sent", ticket.intentKey(), ticket.side(), ticket.code(),
                    quantity);
            return move(ticket.intentKey(), token, Event.DRY_RUN, OrderState.DRY_RUN,
                    Map.of("reason", "dry run"), -1);
        }
        if (block.isPresent()) {
            return move(ticket.intentKey(), token, Event.REFUSE, OrderState.REJECTED,
                    Map.of("reason", "not sent: " + block.get()), -1);
        }
        try {
            return send(ticket.intentKey(), token);
        } finally {
            safeRelease(ticket.intentKey(), token);
        }
    }

    private OrderRecord resume(OrderRecord order) {
        if (order.state() != OrderState.INTENDED && order.state() != OrderState.SENT
                && order.state() != OrderState.UNKNOWN) {
            return order;
        }
        String token = token();
        if (!book.acquire(order.intentKey(), token, props.lease())) {
            // Someone else owns it right now: read the outcome, never send.
            return order;
        }
        try {
            return switch (order.state()) {
                case INTENDED -> send(order.intentKey(), token);
                case SENT -> {
                    // its owner's lease ran out while sending: the order may exist
                    move(order.intentKey(), token, Event.LOSE_ANSWER, OrderState.UNKNOWN,
                            Map.of("reason", "its sender stopped while sending"), 0);
                    yield settle(order.intentKey(), token);
                }
                default -> settle(order.intentKey(), token);
            };
        } finally {
            safeRelease(order.intentKey(), token);
        }
    }

    // ------------------------------------------------------------------ send

    private OrderRecord send(String key, String token) {
        OrderRecord order = book.find(key).orElseThrow();
        Event event = order.state() == OrderState.UNKNOWN ? Event.RESEND : Event.SEND;
        if (!book.touch(key, token, props.lease())) {
            return book.find(key).orElseThrow();
        }
        RedisOrderBook.Moved moved = book.transition(key, token, event, OrderState.SENT,
                Map.of("sends", String.valueOf(order.sends() + 1), "updated", nowMs()), props.lease().toMillis(),
                false);
        if (!moved.applied()) {
            return book.find(key).orElseThrow();
        }
        syncLedger(key);
        OrderAck ack;
        try {
            ack = kis.placeOrder(new OrderRequest(order.code(), order.side(), order.quantity(), order.limitPrice()));
        } catch (KisException e) {
            if (notWritten(e.kind())) {
                log.warn("order {} not sent: {}", key, e.getMessage());
                return move(key, token, Event.NOT_SENT, OrderState.INTENDED,
                        Map.of("reason", "not sent: " + e.reason(), "sends", String.valueOf(order.sends())), -1);
            }
            if (e.kind() == KisErrorKind.REJECTED) {
                return move(key, token, Event.REJECT, OrderState.REJECTED, Map.of("reason", e.reason()), -1);
            }
            log.warn("order {} ({} {} x{}): answer lost ({}); settling from today's orders", key, order.side(),
                    order.code(), order.quantity(), e.getMessage());
            move(key, token, Event.LOSE_ANSWER, OrderState.UNKNOWN, Map.of("reason", e.reason(),
                    "sent_at", nowMs()), 0);
            return settle(key, token);
        } catch (RuntimeException e) {
            move(key, token, Event.LOSE_ANSWER, OrderState.UNKNOWN, Map.of("reason", e.toString(),
                    "sent_at", nowMs()), 0);
            return settle(key, token);
        }
        if (!book.claim(day(), ack.orderNo(), key)) {
            String text = "🚨 주문번호 " + ack.orderNo() + "가 이미 다른 의도에 귀속됨 (intent " + key + ")";
            log.error(text);
            notifier.sendCritical(text);
        }
        return move(key, token, Event.ACCEPT, OrderState.ACCEPTED, Map.of("order_no", ack.orderNo(),
                "reason", "", "branch", ack.branchNo()), 0);
    }

    /** Failures before the request was written: budget, breaker, token, refused connection, KIS's rate/token refusal. */
    private static boolean notWritten(KisErrorKind kind) {
        return kind == KisErrorKind.NOT_SENT || kind == KisErrorKind.CIRCUIT_OPEN
                || kind == KisErrorKind.RATE_LIMITED || kind == KisErrorKind.TOKEN_EXPIRED
                || kind == KisErrorKind.TOKEN_UNAVAILABLE;
    }

    // ------------------------------------------------------------------ settle an UNKNOWN

    /** The owner of {@code key} (UNKNOWN) settles it over the settlement window. */
    private OrderRecord settle(String key, String token) {
        int checks = props.settleChecks();
        long pauseMs = props.settleWindow().toMillis() / checks;
        boolean everyReadListedNothing = true;
        for (int i = 0; i < checks; i++) {
            sleep(pauseMs);
            if (!book.touch(key, token, props.lease())) {
                return book.find(key).orElseThrow(); // another settler took over
            }
            OrderRecord order = book.find(key).orElseThrow();
            if (order.state() != OrderState.UNKNOWN) {
                return order;
            }
            Match match = match(order, null);
            if (match.orderNo() != null) {
                return acceptSettled(key, token, match.orderNo());
            }
            everyReadListedNothing &= match.readOk();
        }
        OrderRecord order = book.find(key).orElseThrow();
        if (order.side() == OrderSide.SELL && order.sends() < 2 && everyReadListedNothing) {
            log.warn("sell {}: KIS listed nothing for it over {}; it never arrived, sending it once more", key,
                    props.settleWindow());
            return send(key, token);
        }
        return haltUnknown(key, order.state() == OrderState.UNKNOWN && order.side() == OrderSide.SELL
                ? "sell sent twice or today's orders unreadable; its fate is unknown"
                : everyReadListedNothing ? "KIS has not listed it within " + props.settleWindow()
                : "today's orders could not be read");
    }

    private OrderRecord acceptSettled(String key, String token, String orderNo) {
        log.info("order {} settled: KIS lists order {} for it", key, orderNo);
        return move(key, token, Event.ACCEPT, OrderState.ACCEPTED, Map.of("order_no", orderNo,
                "reason", "settled from today's orders"), 0);
    }

    private OrderRecord haltUnknown(String key, String why) {
        OrderRecord order = book.find(key).orElseThrow();
        try {
            book.halt(new Halt(order.code(), key, why, clock.instant()));
            book.update(key, Map.of("halted", "1", "reason", why));
        } catch (RuntimeException e) {
            log.error("could not record the halt of {}: {}", order.code(), e.toString());
        }
        String text = "🚨 주문 상태 불명: " + order.side() + " " + order.quantity() + "주 " + order.code()
                + " (intent " + key + ") — " + why + ". 이 종목의 신규 매수를 중단했습니다 (매도는 계속)."
                + " 백그라운드 정산이 계속 확인합니다.";
        log.error(text);
        notifier.sendCritical(text);
        syncLedger(key);
        return book.find(key).orElseThrow();
    }

    /** What today's orders say about an UNKNOWN order. */
    private record Match(String orderNo, boolean readOk) {
    }

    /** Looks for {@code order} among today's orders ({@code today} null: read them now) and claims it. */
    private Match match(OrderRecord order, List<DailyOrder> today) {
        List<DailyOrder> listed = today;
        if (listed == null) {
            try {
                listed = kis.todaysOrdersForSettlement();
            } catch (RuntimeException e) {
                log.warn("settling {}: today's orders unreadable: {}", order.intentKey(), e.getMessage());
                return new Match(null, false);
            }
        }
        long windowStart = Long.parseLong(Optional.ofNullable(book.field(order.intentKey(), "window_start"))
                .orElse(String.valueOf(order.createdAt().toEpochMilli())));
        Instant windowEnd = clock.instant().plus(props.settlementSlack());
        LocalDate date = clock.today();
        List<DailyOrder> candidates = listed.stream()
                .filter(o -> o.code().equals(order.code()) && o.side() == order.side()
                        && o.orderQuantity() == order.quantity() && o.orderPrice() == order.limitPrice())
                .filter(o -> o.originalOrderNo().isBlank())
                .filter(o -> o.orderTime() != null)
                .filter(o -> {
                    Instant at = o.orderTime().atDate(date).atZone(MarketClock.KST).toInstant();
                    return !at.isBefore(Instant.ofEpochMilli(windowStart)) && !at.isAfter(windowEnd);
                })
                .filter(o -> !book.isClaimed(day(), o.orderNo()))
                .sorted(Comparator.comparing(DailyOrder::orderTime))
                .toList();
        for (DailyOrder candidate : candidates) {
            if (book.claim(day(), candidate.orderNo(), order.intentKey())) {
                return new Match(candidate.orderNo(), true);
            }
        }
        return new Match(null, true);
    }

    // ------------------------------------------------------------------ background steps

    /**
     * One round of the background settler: every open order one step further (one read of today's orders for all),
     * then the ledger rows and fills the database is missing. Returns how many orders are still open.
     */
    public int settleOpen() {
        Set<String> open = book.open();
        if (!open.isEmpty()) {
            List<DailyOrder> today = null;
            try {
                today = kis.todaysOrdersForSettlement();
            } catch (RuntimeException e) {
                log.warn("background settlement: today's orders unreadable: {}", e.getMessage());
            }
            for (String key : open) {
                String token = token();
                try {
                    if (!book.acquire(key, token, props.lease())) {
                        continue;
                    }
                    step(key, token, today);
                } catch (RuntimeException e) {
                    log.error("background settlement of {} failed: {}", key, e.toString(), e);
                } finally {
                    safeRelease(key, token);
                }
            }
        }
        flushJournal();
        fillNotices.sendDue();
        return book.open().size();
    }

    /**
     * Writes ledger rows and fills that could not be written before (MariaDB down): the Redis journal. Only for an
     * order whose lease it takes: while another settler or a handler holds it, that owner is writing the same rows
     * (two writers of one order's fills raced into a MariaDB deadlock, and a stale ledger row could overwrite a newer
     * one); its journal entry waits for the next round.
     */
    public void flushJournal() {
        for (String key : book.dirty()) {
            underLease(key, () -> syncLedger(key));
        }
        for (String key : book.unapplied()) {
            underLease(key, () -> applyFills(key));
        }
    }

    private void underLease(String key, Runnable work) {
        String token = token();
        RedisOrderBook.Lease lease;
        try {
            lease = book.tryAcquire(key, token, props.lease());
        } catch (RuntimeException e) {
            log.warn("journal entry of {} kept: lease unreadable ({})", key, e.toString());
            return;
        }
        if (lease == RedisOrderBook.Lease.BUSY) {
            return;
        }
        try {
            work.run(); // NO_ORDER: the order left Redis; the work finds nothing and clears the entry
        } finally {
            if (lease == RedisOrderBook.Lease.HELD) {
                safeRelease(key, token);
            }
        }
    }

    private void step(String key, String token, List<DailyOrder> today) {
        Optional<OrderRecord> found = book.find(key);
        if (found.isEmpty()) {
            book.closeOut(key);
            return;
        }
        OrderRecord order = found.get();
        switch (order.state()) {
            case INTENDED -> {
                if (Duration.between(order.updatedAt(), clock.instant()).compareTo(props.lease().multipliedBy(10)) > 0) {
                    move(key, token, Event.REFUSE, OrderState.REJECTED,
                            Map.of("reason", "abandoned before it was sent"), 0);
                }
            }
            case SENT -> {
                move(key, token, Event.LOSE_ANSWER, OrderState.UNKNOWN,
                        Map.of("reason", "its sender stopped while sending", "sent_at", nowMs()), 0);
                stepUnknown(key, token, today);
            }
            case UNKNOWN -> stepUnknown(key, token, today);
            case ACCEPTED, PARTIALLY_FILLED, CANCELLED -> stepWorking(key, token, today);
            default -> book.closeOut(key);
        }
    }

    private void stepUnknown(String key, String token, List<DailyOrder> today) {
        OrderRecord order = book.find(key).orElseThrow();
        Match match = match(order, today);
        if (match.orderNo() != null) {
            acceptSettled(key, token, match.orderNo());
            stepWorking(key, token, null);
            return;
        }
        if (!match.readOk() || today == null) {
            return;
        }
        long sentAt = Long.parseLong(Optional.ofNullable(book.field(key, "sent_at")).filter(s -> !s.isEmpty())
                .orElse(String.valueOf(order.updatedAt().toEpochMilli())));
        boolean windowOver = clock.instant().toEpochMilli() - sentAt > props.settleWindow().toMillis();
        if (order.side() == OrderSide.SELL && order.sends() < 2 && windowOver) {
            log.warn("sell {}: still not listed a whole window after it was sent; sending it once more", key);
            send(key, token);
            return;
        }
        if (clock.today().isAfter(LocalDate.ofInstant(order.createdAt(), MarketClock.KST))) {
            move(key, token, Event.NEVER_ARRIVED, OrderState.REJECTED,
                    Map.of("reason", "KIS never listed it on the day it was sent"), 0);
            liftHaltOf(key);
            return;
        }
        if (!"1".equals(book.field(key, "halted")) && windowOver) {
            haltUnknown(key, "KIS has not listed it within " + props.settleWindow());
        }
    }

    /** Fills, limit timeout, cancel confirmation and late fills of an order KIS has. */
    private void stepWorking(String key, String token, List<DailyOrder> today) {
        OrderRecord order = book.find(key).orElseThrow();
        if (order.orderNo().isEmpty()) {
            return;
        }
        List<DailyOrder> listed = today;
        if (listed == null) {
            try {
                listed = kis.todaysOrdersForSettlement();
            } catch (RuntimeException e) {
                log.warn("settling {}: today's orders unreadable: {}", key, e.getMessage());
                return;
            }
        }
        Optional<DailyOrder> row = listed.stream().filter(o -> o.orderNo().equals(order.orderNo())).findFirst();
        if (row.isEmpty()) {
            return; // not listed yet (KIS's lag)
        }
        DailyOrder kisRow = row.get();
        if (kisRow.filledQuantity() > order.filledQuantity()) {
            recordFill(key, token, order, kisRow.filledQuantity(), kisRow.filledAmount());
        }
        OrderRecord now = book.find(key).orElseThrow();
        if (now.state() == OrderState.CANCELLED) {
            String at = book.field(key, "final_at");
            if (at != null && !at.isEmpty()
                    && System.currentTimeMillis() - Long.parseLong(at) > props.lateFillWindow().toMillis()) {
                book.closeOut(key);
            }
            return;
        }
        if (now.state().isFinal()) {
            return;
        }
        if (kisRow.remainingQuantity() == 0 && now.filledQuantity() < now.quantity()) {
            move(key, token, Event.CANCEL_CONFIRMED, OrderState.CANCELLED, Map.of("reason",
                    now.cancelRequested() ? "unfilled rest cancelled" : "unfilled rest cancelled or expired at KIS",
                    "final_at", String.valueOf(System.currentTimeMillis())), 0);
            liftHaltOf(key);
            return;
        }
        if (now.type() == OrderType.LIMIT && !now.cancelRequested() && now.limitDeadline() != null
                && !clock.instant().isBefore(now.limitDeadline()) && kisRow.remainingQuantity() > 0) {
            requestCancel(key, token, now, kisRow.branchNo());
        }
    }

    private void recordFill(String key, String token, OrderRecord order, long filledQty, long filledAmount) {
        OrderState next = OrderStateMachine.afterFill(order.state(), filledQty, order.quantity());
        Event event = order.state() == OrderState.CANCELLED ? Event.LATE_FILL : Event.FILL;
        long fee = costsFee(filledAmount);
        long tax = order.side() == OrderSide.SELL ? costsTax(filledAmount) : 0;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("filled_qty", String.valueOf(filledQty));
        fields.put("filled_amount", String.valueOf(filledAmount));
        fields.put("fee", String.valueOf(fee));
        fields.put("tax", String.valueOf(tax));
        fields.put("updated", nowMs());
        RedisOrderBook.Moved moved = book.transition(key, token, event, next, fields, 0, true);
        if (moved.applied()) {
            log.info("order {} {}: filled {}/{} ({} KRW)", key, next, filledQty, order.quantity(), filledAmount);
            syncLedger(key);
            applyFills(key);
            if (next.isFinal()) {
                liftHaltOf(key);
            }
        }
    }

    private void requestCancel(String key, String token, OrderRecord order, String branch) {
        try {
            if (!book.touch(key, token, props.lease())) {
                return;
            }
            kis.cancel(order.orderNo(), branch);
            book.update(key, Map.of("cancel_requested", "1", "updated", nowMs()));
            log.info("order {}: limit {} rested past {}; unfilled rest cancel requested", key, order.orderNo(),
                    order.limitDeadline());
        } catch (KisException e) {
            // e.g. nothing left to cancel (filled meanwhile): the next read of today's orders tells
            log.warn("order {}: cancel of {} refused or lost ({}); fills are read, not inferred", key,
                    order.orderNo(), e.reason());
            if (e.kind() == KisErrorKind.REJECTED) {
                book.update(key, Map.of("cancel_requested", "1", "updated", nowMs()));
            }
        }
    }

    // ------------------------------------------------------------------ queries and operations

    @Override
    public Optional<OrderRecord> find(String intentKey) {
        return book.find(intentKey);
    }

    @Override
    public OrderRecord awaitFinal(String intentKey, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            OrderRecord order = book.find(intentKey).orElseThrow(() -> new IllegalArgumentException(
                    "no order under intent key " + intentKey));
            watch(intentKey); // its caller sends the fill message: the settler stays silent
            if (order.isFinal() || System.nanoTime() > deadline) {
                return order;
            }
            String token = token();
            if (book.acquire(intentKey, token, props.lease())) {
                try {
                    step(intentKey, token, null);
                } finally {
                    safeRelease(intentKey, token);
                }
            }
            OrderRecord after = book.find(intentKey).orElseThrow();
            if (after.isFinal() || System.nanoTime() > deadline) {
                return after;
            }
            sleep(Math.min(500, Math.max(50, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    @Override
    public OrderRecord cancel(String intentKey) {
        OrderRecord order = book.find(intentKey).orElseThrow(() -> new IllegalArgumentException(
                "no order under intent key " + intentKey));
        if ((order.state() != OrderState.ACCEPTED && order.state() != OrderState.PARTIALLY_FILLED)
                || order.cancelRequested()) {
            return order;
        }
        String token = token();
        if (!book.acquire(intentKey, token, props.lease())) {
            return order;
        }
        try {
            String branch = kis.todaysOrdersForSettlement().stream().filter(o -> o.orderNo().equals(order.orderNo()))
                    .map(DailyOrder::branchNo).findFirst().orElse("");
            requestCancel(intentKey, token, order, branch);
        } catch (RuntimeException e) {
            log.warn("cancel of {}: {}", intentKey, e.toString());
        } finally {
            safeRelease(intentKey, token);
        }
        return book.find(intentKey).orElseThrow();
    }

    @Override
    public boolean claimFillNotice(String intentKey) {
        try {
            RedisOrderBook.NoticeClaim claim = book.claimFillNotice(intentKey, OrphanFillNotices.HANDLER);
            if (claim == RedisOrderBook.NoticeClaim.TAKEN) {
                log.info("fill message of {} already sent by the background settler; the handler stays silent",
                        intentKey);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            // nobody can claim it while Redis is unreachable, the settler neither: the handler's message goes out
            log.warn("fill message claim of {} unreadable ({}); sending it", intentKey, e.toString());
            return true;
        }
    }

    @Override
    public OpenExposure openExposure() {
        List<OpenExposure.OpenBuy> buys = new ArrayList<>();
        long amount = 0;
        for (String key : book.open()) {
            Optional<OrderRecord> o = book.find(key);
            if (o.isEmpty() || o.get().side() != OrderSide.BUY || !o.get().state().isOpen()) {
                continue;
            }
            OrderRecord r = o.get();
            long price = r.limitPrice() > 0 ? r.limitPrice() : r.referencePrice();
            long open = r.unfilledQuantity() * price;
            amount += open;
            buys.add(new OpenExposure.OpenBuy(key, r.code(), r.quantity(), r.filledQuantity(), open, r.state()));
        }
        int today = 0;
        for (String key : book.buysOn(day())) {
            Optional<OrderRecord> o = book.find(key);
            if (o.isPresent() && o.get().state() != OrderState.REJECTED && o.get().state() != OrderState.DRY_RUN) {
                today++;
            }
        }
        return new OpenExposure(List.copyOf(buys), amount, today);
    }

    @Override
    public Optional<OrderRecord> sellInFlight(SellKey key) {
        return book.sellMarker(key).flatMap(book::find).filter(o -> !o.isFinal());
    }

    @Override
    public Reconciliation reconcile() {
        List<Holding> held = kis.balance().holdings();
        Map<String, Long> ours = ledger.holdings();
        Set<String> inFlight = new LinkedHashSet<>();
        for (String key : book.open()) {
            book.find(key).filter(o -> !o.isFinal()).ifPresent(o -> inFlight.add(o.code()));
        }
        for (String key : book.unapplied()) {
            book.find(key).ifPresent(o -> inFlight.add(o.code())); // fills waiting in the journal for MariaDB
        }
        Set<String> unmanaged = new LinkedHashSet<>(props.unmanagedCodes());
        Map<String, Holding> broker = new LinkedHashMap<>();
        held.forEach(h -> broker.put(h.code(), h));
        Set<String> codes = new LinkedHashSet<>(broker.keySet());
        codes.addAll(ours.keySet());
        List<Reconciliation.Mismatch> mismatches = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String code : codes) {
            if (unmanaged.contains(code)) {
                ignored.add(code);
                continue;
            }
            if (inFlight.contains(code)) {
                skipped.add(code);
                continue;
            }
            Holding h = broker.get(code);
            long brokerQty = h == null ? 0 : h.quantity();
            long ourQty = ours.getOrDefault(code, 0L);
            if (brokerQty != ourQty) {
                mismatches.add(new Reconciliation.Mismatch(code, h == null ? "" : h.name(), brokerQty, ourQty,
                        h == null ? BigDecimal.ZERO : h.averagePrice()));
            }
        }
        Reconciliation before = safety.reconciliation().orElse(null);
        Reconciliation result = new Reconciliation(clock.instant(), scope().tradingMode(), scope().account(),
                List.copyOf(mismatches), List.copyOf(ignored), List.copyOf(skipped));
        book.saveReconciliation(result);
        if (!mismatches.isEmpty() && (before == null || !before.mismatches().equals(mismatches))) {
            StringBuilder text = new StringBuilder("🚨 잔고 불일치 (브로커 vs ACTIVE_PORTFOLIO): ");
            mismatches.forEach(m -> text.append(m.code()).append(' ').append(m.name()).append(" 브로커 ")
                    .append(m.brokerQuantity()).append("주 / 기록 ").append(m.portfolioQuantity()).append("주; "));
            text.append("신규 매수를 중단했습니다 (매도는 계속). 확인 후 /adopt 로 브로커 잔고를 채택하세요.");
            log.error(text.toString());
            notifier.sendCritical(text.toString());
        }
        return result;
    }

    @Override
    public AdoptResult adopt(String code, String operator) {
        Holding h = kis.balance().holdings().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
        long qty = h == null ? 0 : h.quantity();
        BigDecimal avg = h == null ? BigDecimal.ZERO : h.averagePrice();
        long before = ledger.adopt(code, h == null ? "" : h.name(), qty, avg);
        safety.reconciliation().ifPresent(r -> book.saveReconciliation(new Reconciliation(r.checkedAt(),
                r.tradingMode(), r.account(), r.mismatches().stream().filter(m -> !m.code().equals(code)).toList(),
                r.unmanaged(), r.inFlight())));
        String text = "✅ " + code + " 브로커 잔고 채택 (" + operator + "): " + before + "주 → " + qty + "주";
        log.warn(text);
        notifier.send(text);
        return new AdoptResult(code, before, qty, avg);
    }

    @Override
    public void clearHalt(String code, String operator) {
        book.liftHalt(code, "");
        log.warn("halt on {} cleared by {}", code, operator);
        notifier.send("✅ " + code + " 매수 중단 해제 (" + operator + ")");
    }

    @Override
    public OrderSafetyView safety() {
        return safety;
    }

    // ------------------------------------------------------------------ helpers

    private OrderRecord move(String key, String token, Event event, OrderState next, Map<String, String> fields,
                             long leaseMs) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("updated", nowMs());
        if (next.isFinal() && !all.containsKey("final_at")) {
            all.put("final_at", String.valueOf(System.currentTimeMillis()));
        }
        RedisOrderBook.Moved moved = book.transition(key, token, event, next, all, leaseMs, false);
        if (!moved.applied()) {
            log.warn("order {}: {} -> {} refused (state {}, owner {})", key, event, next, moved.state(),
                    moved.owner());
        } else {
            syncLedger(key);
            if (next.isFinal()) {
                liftHaltOf(key);
            }
        }
        return book.find(key).orElseThrow();
    }

    @Override
    public Optional<NetProfit> netProfit(String intentKey) {
        try {
            return ledger.netProfit(intentKey);
        } catch (RuntimeException e) {
            log.warn("net profit of {} unreadable ({}); its message goes without it", intentKey, e.toString());
            return Optional.empty();
        }
    }

    /** Marks {@code key} as watched by its caller (see {@link OrderService#claimFillNotice}); never fails an order. */
    private void watch(String key) {
        try {
            book.watch(key, props.watchHorizon());
        } catch (RuntimeException e) {
            log.warn("order {}: watch mark not written ({})", key, e.toString());
        }
    }

    private void liftHaltOf(String key) {
        if (!"1".equals(book.field(key, "halted"))) {
            return;
        }
        OrderRecord order = book.find(key).orElseThrow();
        if (book.liftHalt(order.code(), key)) {
            book.update(key, Map.of("halted", "0"));
            String text = "✅ " + order.code() + " 주문 상태 확정 (" + order.state() + ", intent " + key
                    + "): 매수 중단 해제";
            log.warn(text);
            notifier.send(text);
        }
    }

    private void syncLedger(String key) {
        try {
            Optional<OrderRecord> order = book.find(key);
            if (order.isPresent()) {
                ledger.upsert(order.get());
            }
            book.clean(key);
        } catch (RuntimeException e) {
            log.warn("ledger row of {} kept in the Redis journal (MariaDB: {})", key, e.getMessage());
        }
    }

    private void applyFills(String key) {
        try {
            Optional<OrderRecord> found = book.find(key);
            if (found.isEmpty()) {
                return;
            }
            OrderRecord order = found.get();
            String reason = Optional.ofNullable(book.field(key, "trade_reason")).orElse("");
            String signal = Optional.ofNullable(book.field(key, "strategy_signal")).orElse("");
            long done = ledger.applyFills(order, order.filledQuantity(), order.filledAmount(), reason, signal);
            book.applied(key, done);
        } catch (RuntimeException e) {
            log.warn("fills of {} kept in the Redis journal until MariaDB answers ({})", key, e.getMessage());
        }
    }

    private long costsFee(long amount) {
        return ledgerCosts().fee(amount);
    }

    private long costsTax(long amount) {
        return ledgerCosts().sellTax(amount);
    }

    private com.primejennie.shared.trading.TradingCosts ledgerCosts() {
        return ledger.costs();
    }

    private long cappedToBroker(OrderTicket ticket) {
        try {
            long held = kis.balance().holdings().stream().filter(h -> h.code().equals(ticket.code()))
                    .mapToLong(Holding::quantity).sum();
            return Math.min(held, ticket.quantity());
        } catch (RuntimeException e) {
            log.warn("sell {}: broker holdings unreadable ({}); sending the sell as asked", ticket.intentKey(),
                    e.getMessage());
            return ticket.quantity();
        }
    }

    private boolean dryRunActive() {
        try {
            return dryRun.isActive();
        } catch (RuntimeException e) {
            log.warn("dry-run flag unreadable ({}); treating as dry run", e.getMessage());
            return true;
        }
    }

    private void requireSameOrder(OrderRecord order, OrderTicket ticket) {
        if (!order.code().equals(ticket.code()) || order.side() != ticket.side() || order.type() != ticket.type()
                || order.limitPrice() != ticket.limitPrice()
                || (order.quantity() != ticket.quantity() && order.side() == OrderSide.BUY)) {
            throw new IllegalArgumentException("intent key " + order.intentKey() + " already names another order: "
                    + order.side() + " " + order.quantity() + " " + order.code() + " " + order.type() + " "
                    + order.limitPrice());
        }
    }

    private OrderRecord transientRecord(OrderTicket t, String reason) {
        Instant now = clock.instant();
        return new OrderRecord(t.intentKey(), scope().tradingMode(), scope().account(), t.source(), t.code(),
                t.stockName(), t.side(), t.quantity(), t.type(), t.limitPrice(), t.referencePrice(), null, "",
                OrderState.INTENDED, 0, 0, BigDecimal.ZERO, 0, 0, 0, false, reason, now, now, t.keyMetrics());
    }

    private void safeRelease(String key, String token) {
        try {
            book.release(key, token);
        } catch (RuntimeException e) {
            log.warn("could not release {}: {}", key, e.toString());
        }
    }

    private String token() {
        return process + ":" + UUID.randomUUID();
    }

    private String day() {
        return clock.today().format(YMD);
    }

    private String nowMs() {
        return String.valueOf(clock.instant().toEpochMilli());
    }

    private static void sleep(long ms) {
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
