package com.primejennie.sellexecutor.consume;

import com.primejennie.sellexecutor.cooldown.StopLossCooldown;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.StreamHandler;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.OrderTicket;
import com.primejennie.shared.orders.SellKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one {@code stream:sell-orders} entry (spec §2.2, with the fixes of §6): emergency stop for automatic sells
 * only (reason containing {@code MANUAL} passes), quantity capped to the broker's holding, the sell through the
 * {@link OrderService} under the intent key {@code sell:<entry id>} and the {@link SellKey} (code, exit kind, broker
 * quantity) so a re-fired exit queues one sell; a passing failure ({@code INTENDED}) is submitted again under the
 * same intent, a business rejection is not. At the fill: the stop-loss re-entry cooldown, the exit state of a closed
 * position, and the Telegram summary - unless the order service's settler already sent the fill message
 * ({@link OrderService#claimFillNotice}). TRADELOG and ACTIVE_PORTFOLIO are the order service's.
 */
public final class SellOrderHandler implements StreamHandler<SellOrder> {

    private static final Logger log = LoggerFactory.getLogger(SellOrderHandler.class);

    /** How the handler waits between passing failures (a test seam). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Retry and fill-wait settings. */
    public record Policy(int maxSubmits, Duration firstBackoff, Duration maxBackoff, Duration awaitFill) {
        public static Policy defaults() {
            return new Policy(8, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    private final OrderService orders;
    private final ToLongFunction<String> brokerHolding;
    private final BooleanSupplier emergencyStop;
    private final StopLossCooldown cooldown;
    private final IntSupplier cooldownDays;
    private final Consumer<String> clearExitState;
    private final Notifier notifier;
    private final Sleeper sleeper;
    private final Policy policy;

    public SellOrderHandler(OrderService orders, ToLongFunction<String> brokerHolding, BooleanSupplier emergencyStop,
                            StopLossCooldown cooldown, IntSupplier cooldownDays, Consumer<String> clearExitState,
                            Notifier notifier, Sleeper sleeper, Policy policy) {
        this.orders = orders;
        this.brokerHolding = brokerHolding;
        this.emergencyStop = emergencyStop;
        this.cooldown = cooldown;
        this.cooldownDays = cooldownDays;
        this.clearExitState = clearExitState;
        this.notifier = notifier;
        this.sleeper = sleeper;
        this.policy = policy;
    }

    /** What happened to one entry (logged, and returned for tests). */
    public record Outcome(String status, String reason, OrderRecord order) {
    }

    @Override
    public void onMessage(ReceivedMessage<SellOrder> message) throws InterruptedException {
        Outcome o = execute(message.id(), message.payload());
        log.info("sell {} {}: {} ({})", message.id(), message.payload().stockCode(), o.status(), o.reason());
    }

    public Outcome execute(String entryId, SellOrder s) throws InterruptedException {
        if (s.stockCode() == null || s.stockCode().isBlank() || s.quantity() == null || s.quantity() <= 0) {
            throw new IllegalArgumentException("sell order " + entryId + " needs stock_code and quantity > 0, got "
                    + s.stockCode() + " / " + s.quantity());
        }
        String code = s.stockCode();
        String reason = s.sellReason() == null ? "" : s.sellReason();
        boolean manual = s.isManual();
        if (!manual && emergencyStop.getAsBoolean()) {
            return new Outcome("skipped", "Emergency Stop Active", null);
        }
        long held;
        try {
            held = brokerHolding.applyAsLong(code);
        } catch (RuntimeException e) {
            // exits are kept: the order service caps a sell to the broker's holding and rejects an impossible one
            log.warn("broker holding of {} not readable ({}); selling the requested {}", code, e.toString(),
                    s.quantity());
            held = s.quantity();
        }
        if (held <= 0) {
            if (manual) {
                notifier.send("🚫 *매도 실패*\n" + name(s) + " (" + code + ")\n보유 주식이 없습니다.");
            }
            return new Outcome("error", "Not in portfolio", null);
        }
        long qty = Math.min(s.quantity(), held);
        long ref = s.currentPrice() == null ? 0 : Math.round(s.currentPrice());
        String exitKind = ExitKinds.of(reason);
        SellKey key = new SellKey(code, exitKind, "held" + held);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("sell_reason", reason);
        metrics.put("current_price", s.currentPrice());
        metrics.put("signal_issued_at", s.signalIssuedAt());
        metrics.put("stream_id", entryId);
        OrderTicket ticket = OrderTicket.marketSell("sell:" + entryId, "sell-executor", code, name(s), qty, ref, key)
                .describedAs(reason, reason.length() > 100 ? reason.substring(0, 100) : reason, metrics);
        OrderRecord r = submitUntilSent(ticket);
        if (r.state() == OrderState.REJECTED) {
            notifier.sendCritical("🚫 *매도 거부* " + name(s) + " (" + code + ") " + qty + "주: " + r.reason());
            return new Outcome("rejected", r.reason(), r);
        }
        if (r.state() == OrderState.INTENDED) {
            notifier.sendCritical("⚠️ *매도 미전송* " + name(s) + " (" + code + ") " + qty + "주: " + r.reason()
                    + " — 재시도 한도 초과, 다음 신호에서 재시도");
            return new Outcome("not_sent", r.reason(), r);
        }
        if (!r.intentKey().equals(ticket.intentKey())) {
            return new Outcome("duplicate", "sell in flight for " + key.asString() + ": " + r.intentKey(), r);
        }
        OrderRecord fin = r.isFinal() ? r : orders.awaitFinal(r.intentKey(), policy.awaitFill());
        boolean sold = fin.filledQuantity() > 0 || fin.state() == OrderState.DRY_RUN;
        // after a sale nothing may throw: each step runs on its own, so a failed one does not skip the others (and
        // the entry is not dead-lettered as if the sell had failed)
        if (sold && ExitKinds.isStopLoss(reason)) {
            try {
                cooldown.set(code, cooldownDays.getAsInt());
            } catch (RuntimeException e) {
                log.error("stop-loss cooldown of {} not set after the sale: {}", code, e.toString(), e);
                notifier.sendCritical("⚠️ *재진입 쿨다운 미설정* " + name(s) + " (" + code + "): " + e.getMessage());
            }
        }
        if (sold && (fin.state() == OrderState.DRY_RUN ? qty : fin.filledQuantity()) >= held) {
            try {
                clearExitState.accept(code);
            } catch (RuntimeException e) {
                log.warn("exit state of {} not cleared (price-monitor clears it when the DB shows it closed): {}",
                        code, e.toString());
            }
        }
        if ((fin.filledQuantity() > 0 || fin.state() == OrderState.DRY_RUN) && claimFillNotice(fin.intentKey())) {
            notifier.send(SellSummary.text(fin, reason, fin.state() == OrderState.DRY_RUN ? Optional.empty()
                    : orders.netProfit(fin.intentKey())));
        }
        return new Outcome("success", fin.state().name(), fin);
    }

    /**
     * Whether this handler sends the sell's summary: false when the order service's background settler already sent
     * the fill message (it completed the sell after this handler stopped watching it).
     */
    private boolean claimFillNotice(String intentKey) {
        try {
            return orders.claimFillNotice(intentKey);
        } catch (RuntimeException e) {
            log.warn("fill message claim of {} failed ({}); sending the summary", intentKey, e.toString());
            return true;
        }
    }

    private OrderRecord submitUntilSent(OrderTicket ticket) throws InterruptedException {
        Duration backoff = policy.firstBackoff();
        OrderRecord r = orders.submit(ticket);
        for (int attempt = 1; r.state() == OrderState.INTENDED && attempt < policy.maxSubmits(); attempt++) {
            log.warn("sell {} not sent ({}), again in {}", ticket.intentKey(), r.reason(), backoff);
            sleeper.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff()
                    : backoff.multipliedBy(2);
            r = orders.submit(ticket);
        }
        return r;
    }

    private static String name(SellOrder s) {
        return s.stockName() == null ? "" : s.stockName();
    }
}
