package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.Position;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The exit path's housekeeping: re-reads ACTIVE_PORTFOLIO into the {@link PositionBook} (spec §1.3 [REC]; a failed
 * read keeps the last book, so exits survive a MariaDB outage), clears exit state of positions the DB shows closed,
 * checks {@link ExitPathHealth} and writes the {@code monitoring:price_monitor} heartbeat (TTL 10 s) every second.
 */
public final class ExitsRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExitsRuntime.class);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<List<Position>> positions;
    private final PositionBook book;
    private final ExitStateStore states;
    private final ExitPathHealth health;
    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final Duration refreshEvery;
    private final Consumer<Set<String>> onHeld;
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Periodic> extra = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;

    private record Periodic(Duration every, Runnable task) {
    }

    public ExitsRuntime(Supplier<List<Position>> positions, PositionBook book, ExitStateStore states,
                        ExitPathHealth health, StringRedisTemplate redis, MarketClock clock, Duration refreshEvery) {
        this(positions, book, states, health, redis, clock, refreshEvery, codes -> { });
    }

    /** {@code onHeld} gets the held codes after every successful refresh (the daily bars are warmed there). */
    public ExitsRuntime(Supplier<List<Position>> positions, PositionBook book, ExitStateStore states,
                        ExitPathHealth health, StringRedisTemplate redis, MarketClock clock, Duration refreshEvery,
                        Consumer<Set<String>> onHeld) {
        this.onHeld = onHeld;
        this.positions = positions;
        this.book = book;
        this.states = states;
        this.health = health;
        this.redis = redis;
        this.clock = clock;
        this.refreshEvery = refreshEvery;
    }

    /** Reads the DB's positions; returns false (and keeps the book) when the DB cannot be read. */
    public boolean refresh() {
        try {
            List<Position> rows = positions.get();
            book.refresh(rows, clock.instant());
            Set<String> held = rows.stream().filter(p -> p.quantity() > 0).map(Position::stockCode)
                    .collect(Collectors.toSet());
            states.retainOnly(held);
            warm(held);
            return true;
        } catch (RuntimeException e) {
            log.warn("positions not refreshed, exits keep watching the last known {} positions: {}", book.size(),
                    e.toString());
            return false;
        }
    }

    /**
     * Hands the held codes to {@code onHeld} on its own thread, one run at a time: a slow KIS or DB read there must not
     * hold up the heartbeat, the health check or the next refresh on the housekeeping thread.
     */
    private void warm(Set<String> held) {
        if (!warming.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                onHeld.accept(held);
            } catch (RuntimeException e) {
                log.warn("daily bars and settings not warmed: {}", e.toString());
            } finally {
                warming.set(false);
            }
        }, "exits-warm");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The heartbeat the dashboard reads (spec §1.3 shape). While the exit path is DOWN the status says so and
     * {@code metrics.exit_path} is {@code DOWN}: Python's heartbeat stayed "online" for a day of dead exits.
     */
    static String heartbeatJson(int watching, String updatedAt, long pid, boolean exitPathDown) {
        return "{\"status\":\"" + (exitPathDown ? "exit_path_down" : "online")
                + "\",\"service\":\"price-monitor\",\"metrics\":{\"watching_count\":" + watching
                + ",\"updated_at\":\"" + updatedAt + "\",\"pid\":" + pid + ",\"exit_path\":\""
                + (exitPathDown ? "DOWN" : "UP") + "\"}}";
    }

    public void heartbeat() {
        try {
            String json = heartbeatJson(book.size(), clock.now().format(HMS), ProcessHandle.current().pid(),
                    health.isDown(clock.instant()));
            redis.opsForValue().set("monitoring:price_monitor", json, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.debug("heartbeat not written: {}", e.toString());
        }
    }

    /** Runs {@code task} on the housekeeping thread every {@code every} once started (e.g. the price alerts' re-read). */
    public void alsoEvery(Duration every, Runnable task) {
        extra.add(new Periodic(every, task));
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exits-runtime");
            t.setDaemon(true);
            return t;
        });
        refresh();
        scheduler.scheduleWithFixedDelay(this::refresh, refreshEvery.toMillis(), refreshEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> {
            health.check(clock.instant());
            heartbeat();
        }, 0, 1, TimeUnit.SECONDS);
        for (Periodic p : extra) {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    p.task().run();
                } catch (RuntimeException e) {
                    log.warn("periodic exit-path task failed: {}", e.toString());
                }
            }, 0, p.every().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Before the tick worker (default phase) starts, so the book is loaded. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
