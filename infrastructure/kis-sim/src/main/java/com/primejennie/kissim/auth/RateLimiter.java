package com.primejennie.kissim.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

import com.primejennie.kissim.config.KisSimProperties;

/**
 * KIS's per-app-key limit on REST calls (EGW00201 "초당 거래건수를 초과하였습니다." beyond it): a fixed window of
 * real time, one budget per app key shared by every endpoint (the Python gateway's per-route buckets were a quirk,
 * §3.2; KIS counts per key).
 */
public class RateLimiter {

    private record Window(Instant start, int count) {
    }

    private final InstantSource wall;
    private final Map<String, Window> windows = new HashMap<>();
    private KisSimProperties.RateLimit settings;

    public RateLimiter(InstantSource wall, KisSimProperties.RateLimit settings) {
        this.wall = wall;
        this.settings = settings;
    }

    public synchronized KisSimProperties.RateLimit settings() {
        return settings;
    }

    public synchronized void configure(KisSimProperties.RateLimit limit) {
        settings = limit;
        windows.clear();
    }

    /** Counts a call for {@code appKey}; false when it is over the limit. */
    public synchronized boolean tryAcquire(String appKey) {
        Instant now = wall.instant();
        Duration length = settings.window();
        Window w = windows.get(appKey);
        if (w == null || !now.isBefore(w.start().plus(length))) {
            w = new Window(now, 0);
        }
        if (w.count() >= settings.requests()) {
            windows.put(appKey, w);
            return false;
        }
        windows.put(appKey, new Window(w.start(), w.count() + 1));
        return true;
    }

    public synchronized void reset() {
        windows.clear();
    }
}
