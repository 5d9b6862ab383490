package com.primejennie.commandhandler.polling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.primejennie.commandhandler.telegram.BotProperties;

/**
 * The polling thread: a cycle, then {@code pollInterval} of rest (as the Python loop). Started with the app when
 * {@code AUTO_START_POLLING} (default), and by {@code POST /start}; {@code POST /stop} and shutdown end it between
 * cycles, letting a command that is running finish (up to 15 s).
 */
public class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final UpdatePoller poller;
    private final PollerLease lease;
    private final BotProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;

    public PollingLoop(UpdatePoller poller, PollerLease lease, BotProperties properties) {
        this.poller = poller;
        this.lease = lease;
        this.properties = properties;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStart();
    }

    @Override
    public synchronized void start() {
        if (!properties.configured()) {
            log.warn("Telegram bot has no token (TELEGRAM_BOT_TOKEN / secrets telegram-bot-token); not polling");
            return;
        }
        if (running.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(this::loop, "telegram-poller");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        Duration rest = properties.pollInterval();
        while (running.get()) {
            try {
                poller.pollOnce();
            } catch (RuntimeException e) {
                log.warn("poll cycle failed: {}", e.toString());
            }
            long wakeAt = System.nanoTime() + rest.toNanos();
            while (running.get() && System.nanoTime() < wakeAt) {
                try {
                    Thread.sleep(Math.min(100, Math.max(1, (wakeAt - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            try {
                // let a running cycle finish its command (its offset is already stored), then give up on it
                t.join(15_000);
                if (t.isAlive()) {
                    log.warn("poll cycle still running after 15 s at stop; interrupting it");
                    t.interrupt();
                    t.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        lease.release();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
