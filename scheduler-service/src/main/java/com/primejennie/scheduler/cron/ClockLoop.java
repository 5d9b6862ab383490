package com.primejennie.scheduler.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.primejennie.shared.market.MarketClock;

/**
 * A thread that looks at the shared {@link MarketClock} every {@code interval} of real time and hands the reading,
 * and the market time that passed since the previous one, to a tick. Sleeping in real time but reading the market
 * clock each time is what lets a simulated clock that runs faster fire its day's jobs, which a JVM timer on the wall
 * clock would not. A tick that throws is logged and the loop goes on.
 */
public final class ClockLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockLoop.class);

    private final String name;
    private final MarketClock clock;
    private final Duration interval;
    private final BiConsumer<Instant, Duration> tick;
    private volatile boolean running;
    private volatile String failing;
    private volatile Instant lastTick;
    private volatile long lastSuccessNanos = System.nanoTime();
    private Thread thread;

    /** @param tick receives (now, market time since the previous tick) */
    public ClockLoop(String name, MarketClock clock, Duration interval, BiConsumer<Instant, Duration> tick) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.tick = Objects.requireNonNull(tick, "tick");
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastSuccessNanos = System.nanoTime();
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Instant previous = null;
        while (running) {
            Instant now = clock.instant();
            Duration step = previous == null || now.isBefore(previous) ? Duration.ZERO : Duration.between(previous, now);
            previous = now;
            try {
                tick.accept(now, step);
                lastTick = now;
                lastSuccessNanos = System.nanoTime();
                if (failing != null) {
                    log.info("{}: ticking again after a failure ({})", name, failing);
                    failing = null;
                }
            } catch (RuntimeException e) {
                // An outage fails every tick (4 a second): log it once, and once when it is over.
                if (failing == null) {
                    log.error("{}: tick failed: {} - retrying every {} ms", name, e.toString(), interval.toMillis());
                    failing = e.toString();
                } else {
                    log.debug("{}: tick failed again: {}", name, e.toString());
                }
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /**
     * What the health indicator shows.
     *
     * @param running       whether the thread runs
     * @param lastTick      the market instant of the last successful tick, or null
     * @param sinceSuccess  real time since the last successful tick (or the start)
     * @param failing       the current failure, or null
     */
    public record Status(boolean running, Instant lastTick, Duration sinceSuccess, String failing) {
    }

    public Status status() {
        return new Status(running, lastTick, Duration.ofNanos(System.nanoTime() - lastSuccessNanos), failing);
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
