package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.shared.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the exit path can evaluate ticks (upstream 2026-02-18: a signature change made the Python handler fail on
 * every tick, and no stop-loss ran for a day while health stayed green). When every tick has failed for the alert
 * window, health is DOWN and one critical alert goes out; a success clears it.
 */
public final class ExitPathHealth implements HealthIndicator {

    private final Notifier notifier;
    private final Duration alertAfter;
    private Instant failingSince;
    private String lastError = "";
    private boolean alerted;
    private long failures;

    public ExitPathHealth(Notifier notifier, Duration alertAfter) {
        this.notifier = notifier;
        this.alertAfter = alertAfter;
    }

    public synchronized void success() {
        failingSince = null;
        alerted = false;
    }

    public synchronized void failure(Instant now, Throwable error) {
        failures++;
        lastError = error.toString();
        if (failingSince == null) {
            failingSince = now;
        }
        check(now);
    }

    /** Raises the alert once the path has been failing for the window; run on every failure and every second. */
    public synchronized void check(Instant now) {
        if (isDown(now) && !alerted) {
            alerted = true;
            notifier.sendCritical("🚨 *매도 감시 중단* price-monitor가 " + alertAfter.toSeconds()
                    + "초 이상 시세를 평가하지 못했습니다 (손절/익절 미작동). 오류: " + lastError);
        }
    }

    public synchronized boolean isDown(Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(alertAfter));
    }

    public synchronized long failures() {
        return failures;
    }

    private volatile java.util.function.Supplier<Instant> now = Instant::now;

    /** The clock health() reads (the market clock in production). */
    public void useClock(java.util.function.Supplier<Instant> clock) {
        this.now = clock;
    }

    @Override
    public synchronized Health health() {
        Instant t = now.get();
        Health.Builder b = isDown(t) ? Health.down() : Health.up();
        return b.withDetail("failingSince", failingSince == null ? "" : failingSince.toString())
                .withDetail("failures", failures).withDetail("lastError", lastError).build();
    }
}
