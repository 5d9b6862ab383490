package com.primejennie.kissim.websocket;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.primejennie.kissim.config.KisSimProperties;
import com.primejennie.kissim.market.MarketSimulator;

/**
 * Keeps the market moving with the clock while nobody calls REST: every {@code pumpInterval} of real time it catches
 * the market up and flushes new trades and notices to the WebSocket sessions; every {@code pingInterval} it sends
 * PINGPONG.
 */
public class RealtimePump implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RealtimePump.class);

    private final MarketSimulator market;
    private final RealtimeHub hub;
    private final KisSimProperties.Realtime settings;
    private ScheduledExecutorService scheduler;

    public RealtimePump(MarketSimulator market, RealtimeHub hub, KisSimProperties.Realtime settings) {
        this.market = market;
        this.hub = hub;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kis-sim-realtime");
            t.setDaemon(true);
            return t;
        });
        long pump = settings.pumpInterval().toMillis();
        long ping = settings.pingInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pumpOnce, pump, pump, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(hub::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** One step: catch the market up to the clock, then send what happened. */
    public void pumpOnce() {
        try {
            market.sync();
            hub.flush();
        } catch (RuntimeException e) {
            log.warn("kis-sim realtime pump failed: {}", e.toString(), e);
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
}
