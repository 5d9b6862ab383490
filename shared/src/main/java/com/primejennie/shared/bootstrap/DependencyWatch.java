package com.primejennie.shared.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the services every app needs (Redis, MariaDB) and logs exactly one clear line when one becomes unreachable
 * and one when it is back. The app itself never stops because of them: connections are lazy, health reports DOWN
 * meanwhile, and callers retry. Without this, an outage shows up only as a flood of stack traces.
 */
public final class DependencyWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DependencyWatch.class);

    private final List<DependencyProbe> probes;
    private final Duration interval;
    private final boolean[] reachable;
    private final long[] downSince;
    private ScheduledExecutorService scheduler;

    public DependencyWatch(List<DependencyProbe> probes, Duration interval) {
        this.probes = List.copyOf(probes);
        this.interval = interval;
        this.reachable = new boolean[this.probes.size()];
        this.downSince = new long[this.probes.size()];
        java.util.Arrays.fill(reachable, true);
    }

    /** Probes each dependency once and logs transitions; public so tests can drive it without waiting. */
    public synchronized void checkNow() {
        for (int i = 0; i < probes.size(); i++) {
            DependencyProbe probe = probes.get(i);
            String problem = probe.problem();
            if (problem != null && reachable[i]) {
                reachable[i] = false;
                downSince[i] = System.nanoTime();
                log.error("Cannot reach {} at {}: {} - still running, health DOWN, retrying every {}",
                        probe.name(), probe.target(), problem, interval.toMillis() + " ms");
            } else if (problem == null && !reachable[i]) {
                reachable[i] = true;
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSince[i]);
                log.info("{} at {} is reachable again after {} s", probe.name(), probe.target(), seconds);
            }
        }
    }

    /** Whether the named dependency answered at the last check. */
    public synchronized boolean isReachable(String name) {
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).name().equals(name)) {
                return reachable[i];
            }
        }
        throw new IllegalArgumentException("no dependency probe named '" + name + "'");
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dependency-watch");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            log.warn("dependency check failed unexpectedly", e);
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
