package com.primejennie.shared.orders;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;

/**
 * The background settler: one thread that keeps every open order moving until it is final (UNKNOWN answers, fills,
 * limit timeouts, late fills after a cancel), completes the ledger and positions from the Redis journal when MariaDB
 * is back, sends the fill message of an order whose handler stopped before it could ({@link OrphanFillNotices}), and
 * reconciles the broker's holdings with ACTIVE_PORTFOLIO at start-up and every few minutes while the market is open.
 * Execution notices on {@code kis:fills} wake it early, so a fill is recorded within a round trip instead of the next
 * poll; the fill itself is always read from today's orders.
 */
public class OrderSettler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderSettler.class);

    private final KisOrderService orders;
    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final TradingCalendar calendar;
    private final OrderProperties props;
    private final String fillsStream;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private String lastFillId = "$";
    private long nextReconcileMs;

    public OrderSettler(KisOrderService orders, StringRedisTemplate redis, MarketClock clock,
                        TradingCalendar calendar, OrderProperties props, String fillsStream) {
        this.orders = orders;
        this.redis = redis;
        this.clock = clock;
        this.calendar = calendar;
        this.props = props;
        this.fillsStream = fillsStream;
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        thread = new Thread(this::loop, "order-settler");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void loop() {
        boolean first = true;
        while (running.get()) {
            try {
                round(first);
                first = false;
            } catch (RuntimeException e) {
                log.warn("order settler round failed: {}", e.toString());
            }
            waitForNotices(props.settlerInterval());
        }
    }

    /** One round: settle open orders, complete the journal, reconcile when due. */
    public void round(boolean startUp) {
        orders.settleOpen();
        long now = System.currentTimeMillis();
        boolean open = calendar == null || calendar.isMarketOpen(clock.instant());
        if (startUp || (open && now >= nextReconcileMs)) {
            nextReconcileMs = now + props.reconcileInterval().toMillis();
            try {
                orders.reconcile();
            } catch (RuntimeException e) {
                log.warn("reconciliation with the broker failed: {}", e.toString());
            }
        }
    }

    /** Sleeps up to {@code max}, returning early when an execution notice arrives on the fills stream. */
    private void waitForNotices(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                        StreamReadOptions.empty().count(100),
                        StreamOffset.create(fillsStream, "$".equals(lastFillId) ? ReadOffset.latest()
                                : ReadOffset.from(lastFillId)));
                if ("$".equals(lastFillId)) {
                    // the first read only fixes where we start
                    var last = redis.opsForStream().reverseRange(fillsStream,
                            org.springframework.data.domain.Range.unbounded(),
                            org.springframework.data.redis.connection.Limit.limit().count(1));
                    lastFillId = last == null || last.isEmpty() ? "0-0" : last.get(0).getId().getValue();
                } else if (records != null && !records.isEmpty()) {
                    lastFillId = records.get(records.size() - 1).getId().getValue();
                    return;
                }
            } catch (RuntimeException e) {
                log.debug("fills stream unreadable: {}", e.toString());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
