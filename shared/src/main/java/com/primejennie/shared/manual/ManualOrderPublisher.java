package com.primejennie.shared.manual;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.audit.AuditSource;
import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.manual.ManualOrderResult.Status;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.PublishException;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.trading.DryRun;

/**
 * Puts the operator's manual buys and sells on the streams the executors read, in exactly the shape of the Python
 * bot (spec/control-and-intelligence.md §1.5), for the Telegram bot and the dashboard alike:
 * <ul>
 *   <li>buy → {@code stream:buy-signals}: {@code source "telegram-manual"} (the executor's manual marker, which a
 *       pause lets through), {@code market_regime "MANUAL"}, preset {@code MANUAL_TELEGRAM}, one candidate with
 *       {@code manual_quantity}; a limit price adds top-level {@code limit_price};</li>
 *   <li>sell → {@code stream:sell-orders}: {@code sell_reason "MANUAL_SELL"} ({@code MANUAL_SELLALL} for a
 *       liquidation), which passes an emergency stop.</li>
 * </ul>
 * Buys and sells take one slot of the daily manual-trade limit just before publishing ({@link ManualTradeLimits});
 * the slot is given back when Redis surely did not take the message. Liquidation ({@link #sellAll}) is not limited.
 * {@code dry_run} is the shared resolver's answer (informative: the executors ask the resolver themselves).
 * Nothing here retries a publish: a repeated {@code XADD} would be a second order.
 */
public class ManualOrderPublisher {

    private static final Logger log = LoggerFactory.getLogger(ManualOrderPublisher.class);

    /** Python's {@code datetime.now().isoformat()} in a UTC container: naive, microseconds. */
    static final DateTimeFormatter REQUESTED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    public static final String SELL_REASON = "MANUAL_SELL";
    public static final String SELLALL_REASON = "MANUAL_SELLALL";
    public static final String PRESET = "MANUAL_TELEGRAM";

    private final TradingSignalPublisher<Object> buys;
    private final TradingSignalPublisher<Object> sells;
    private final ManualTradeLimits limits;
    private final DryRun dryRun;
    private final MarketClock clock;

    public ManualOrderPublisher(TradingSignalPublisher<Object> buys, TradingSignalPublisher<Object> sells,
                                ManualTradeLimits limits, DryRun dryRun, MarketClock clock) {
        this.buys = Objects.requireNonNull(buys, "buys");
        this.sells = Objects.requireNonNull(sells, "sells");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.dryRun = Objects.requireNonNull(dryRun, "dryRun");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ManualTradeLimits limits() {
        return limits;
    }

    /** Whether manual orders go out as dry run now (the shared resolver). */
    public boolean dryRunActive() {
        return dryRun.isActive();
    }

    /** Publishes a manual buy under the daily limit. */
    public ManualOrderResult buy(ManualBuy request) {
        return limited(request.actor(), buys, () -> buyPayload(request, dryRun.isActive()));
    }

    /** Publishes a manual sell under the daily limit. */
    public ManualOrderResult sell(ManualSell request) {
        return limited(request.actor(), sells, () -> sellPayload(request, SELL_REASON, dryRun.isActive()));
    }

    /** One {@code MANUAL_SELLALL} message per holding, not counted by the daily limit; one result per request. */
    public List<ManualOrderResult> sellAll(List<ManualSell> holdings) {
        boolean dry = dryRun.isActive();
        List<ManualOrderResult> results = new ArrayList<>(holdings.size());
        for (ManualSell sell : holdings) {
            try {
                String id = sells.publish(sellPayload(sell, SELLALL_REASON, dry));
                results.add(new ManualOrderResult(Status.PUBLISHED, sells.stream(), id, dry, 0, limits.dailyLimit(),
                        null));
            } catch (PublishException e) {
                results.add(new ManualOrderResult(Status.PUBLISH_FAILED, sells.stream(), null, dry, 0,
                        limits.dailyLimit(), e.getMessage()));
            }
        }
        return results;
    }

    private ManualOrderResult limited(ManualActor actor, TradingSignalPublisher<Object> publisher,
                                      java.util.function.Supplier<Map<String, Object>> payload) {
        boolean dry = dryRun.isActive();
        ManualTradeLimits.Check slot = limits.takeTrade(actor);
        if (slot.decision() == ManualTradeLimits.Decision.UNAVAILABLE) {
            return new ManualOrderResult(Status.LIMITS_UNAVAILABLE, publisher.stream(), null, dry, 0,
                    slot.limit(), slot.reason());
        }
        if (slot.decision() == ManualTradeLimits.Decision.LIMITED) {
            return new ManualOrderResult(Status.LIMIT_REACHED, publisher.stream(), null, dry, slot.count(),
                    slot.limit(), slot.reason());
        }
        try {
            String id = publisher.publish(payload.get());
            return new ManualOrderResult(Status.PUBLISHED, publisher.stream(), id, dry, slot.count(), slot.limit(),
                    null);
        } catch (PublishException e) {
            long used = slot.count();
            if (!e.maybeWritten()) {
                used = giveBack(actor, used);
            }
            return new ManualOrderResult(Status.PUBLISH_FAILED, publisher.stream(), null, dry, used, slot.limit(),
                    e.getMessage());
        } catch (RuntimeException e) {
            giveBack(actor, slot.count());
            throw e;
        }
    }

    private long giveBack(ManualActor actor, long used) {
        try {
            limits.giveBack(actor);
            return used - 1;
        } catch (RuntimeException again) {
            log.warn("could not give back the manual-trade slot of {}: {}", actor, again.getMessage());
            return used;
        }
    }

    /** The {@code stream:buy-signals} payload of the Python bot, field for field. */
    public Map<String, Object> buyPayload(ManualBuy b, boolean dry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", BuySignal.SOURCE_TELEGRAM_MANUAL);
        m.put("market_regime", "MANUAL");
        Map<String, Object> preset = new LinkedHashMap<>();
        preset.put("name", PRESET);
        preset.put("params", Map.of());
        m.put("strategy_preset", preset);
        m.put("risk_setting", Map.of("position_size_ratio", 1.0));
        m.put("manual_quantity", b.quantity());
        m.put("dry_run", dry);
        m.put("user", b.actor().user());
        m.put("requested_at", requestedAt());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("stock_code", b.stockCode());
        c.put("stock_name", b.stockName());
        c.put("current_price", (double) b.currentPrice());
        c.put("llm_score", 100);
        c.put("llm_reason", b.actor().source() == AuditSource.DASHBOARD ? "[Dashboard 수동매수] 사용자 입력"
                : "[Telegram 수동매수] 사용자 입력");
        c.put("buy_signal_type", PRESET);
        c.put("factor_score", 100);
        c.put("manual_quantity", b.quantity());
        m.put("candidates", List.of(c));
        if (b.limitPrice() != null) {
            m.put("limit_price", b.limitPrice());
        }
        return m;
    }

    /** The {@code stream:sell-orders} payload of the Python bot, field for field. */
    public Map<String, Object> sellPayload(ManualSell s, String reason, boolean dry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", BuySignal.SOURCE_TELEGRAM_MANUAL);
        m.put("stock_code", s.stockCode());
        m.put("stock_name", s.stockName());
        m.put("quantity", s.quantity());
        m.put("sell_reason", reason);
        m.put("requested_by", s.actor().user());
        m.put("requested_at", requestedAt());
        m.put("dry_run", dry);
        return m;
    }

    private String requestedAt() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(REQUESTED_AT);
    }

    /** The streams, for callers that report where a message went. */
    public static List<String> streams() {
        return List.of(BuySignal.STREAM, SellOrder.STREAM);
    }
}
