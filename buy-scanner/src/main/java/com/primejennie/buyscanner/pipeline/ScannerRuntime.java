package com.primejennie.buyscanner.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.shared.macro.MacroContextProvider;
import com.primejennie.buyscanner.watchlist.WatchlistHolder;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;

/**
 * The scanner's timers, started before the {@code kis:prices} worker and stopped after it: loads the hot watchlist
 * once the schema is ready (and warm-starts its codes), then polls {@code hot_watchlist:active}, closes the bars of quiet stocks every
 * second, refreshes the macro context and writes the heartbeat {@code monitoring:buy_scanner_websocket}
 * (every 5 s, TTL 15 s). A failing timer task is logged and runs again next time.
 */
public final class ScannerRuntime implements SmartLifecycle {

    public static final String HEARTBEAT_KEY = "monitoring:buy_scanner_websocket";
    /** Started before the stream workers (default phase {@code Integer.MAX_VALUE}). */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(ScannerRuntime.class);

    private final ScannerEngine engine;
    private final WatchlistHolder watchlist;
    private final MacroContextProvider macro;
    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final ScannerProperties properties;
    private final java.util.function.BooleanSupplier schemaReady;
    private ScheduledExecutorService timers;

    /**
     * @param schemaReady waits (bounded) until the database schema is migrated, so the first watchlist load can
     *                    warm-start from {@code STOCK_MINUTE_PRICE}; false when it is not (the load goes ahead)
     */
    public ScannerRuntime(ScannerEngine engine, WatchlistHolder watchlist, MacroContextProvider macro,
                          StringRedisTemplate redis, MarketClock clock, ScannerProperties properties,
                          java.util.function.BooleanSupplier schemaReady) {
        this.schemaReady = schemaReady;
        this.engine = engine;
        this.watchlist = watchlist;
        this.macro = macro;
        this.redis = redis;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (timers != null) {
            return;
        }
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scanner-timers");
            t.setDaemon(true);
            return t;
        });
        timers.execute(guarded("first watchlist load", () -> {
            if (!schemaReady.getAsBoolean()) {
                log.warn("database schema not ready: the first watchlist load may find no minute bars to warm "
                        + "start from");
            }
            watchlist.poll();
        }));
        every(properties.watchlistPoll(), "watchlist poll", watchlist::poll);
        every(Duration.ofSeconds(1), "quiet bar close", engine::closeQuietBars);
        every(properties.macroRefresh(), "macro refresh", macro::refreshNow);
        every(properties.heartbeatInterval(), "heartbeat", this::heartbeat);
    }

    private void every(Duration period, String what, Runnable task) {
        long ms = Math.max(50, period.toMillis());
        timers.scheduleWithFixedDelay(guarded(what, task), ms, ms, TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("scanner {} failed: {}", what, e.getMessage());
            }
        };
    }

    void heartbeat() {
        var list = watchlist.current();
        var json = WireJson.mapper().writeValueAsString(engine.stats().heartbeat(watchlist.loads(),
                list.stocks().size(), list.marketRegime(), clock.instant()));
        redis.opsForValue().set(HEARTBEAT_KEY, json, Duration.ofSeconds(15));
    }

    @Override
    public synchronized void stop() {
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
        engine.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return timers != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
