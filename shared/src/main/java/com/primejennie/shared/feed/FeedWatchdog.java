package com.primejennie.shared.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.notify.Notifier;

/**
 * Notices a dead feed. The Python gateway's socket could drop silently and every exit stopped with it
 * ([QUIRK] spec sell-path §3.6, §6.12). During continuous trading ({@link MarketHours}: not in the call auctions,
 * where silence is normal) and while codes are subscribed, no tick for
 * {@code threshold} marks the feed stale: health goes DOWN, the operator gets <em>one</em> alert, and the caller is told
 * to reconnect. The first tick afterwards clears it and the recovery is reported too.
 *
 * <p>It holds no thread: {@link #check(Instant, boolean)} is called by the feed's scheduler (and directly by tests with
 * any instant), so nothing here sleeps. It decides under its lock and notifies outside it: the WebSocket thread's
 * {@link #tick} never waits on Telegram.
 */
public final class FeedWatchdog {

    private static final Logger log = LoggerFactory.getLogger(FeedWatchdog.class);

    private final Duration threshold;
    private final MarketHours marketHours;
    private final Notifier notifier;

    private final Object lock = new Object();
    private Instant lastTick;
    private Instant quietSince;
    private Instant staleSince;

    public FeedWatchdog(Duration threshold, MarketHours marketHours, Notifier notifier) {
        this.threshold = threshold;
        this.marketHours = marketHours;
        this.notifier = notifier;
    }

    /**
     * Tells the operator that positions are held but not watched: holdings beyond KIS's registration limit get no
     * ticks, so no exit rule can fire for them. Called when the subscription plan changes, not on every re-plan.
     */
    public void reportUnwatchedHoldings(java.util.List<String> codes, int limit) {
        if (codes.isEmpty()) {
            return;
        }
        notifier.sendCritical("🚨 [price-feed] 보유 종목 " + codes.size() + "개가 실시간 등록 한도(" + limit
                + ") 밖입니다: " + String.join(", ", codes) + ". 이 종목들은 손절/익절 감시가 되지 않습니다.");
    }

    /** Records that ticks arrived at {@code at}. Cheap and never waits on the notifier; called for every frame. */
    public void tick(Instant at) {
        synchronized (lock) {
            if (lastTick == null || at.isAfter(lastTick)) {
                lastTick = at;
            }
        }
    }

    /**
     * Looks at the feed at {@code now}. The verdict is decided under the lock; the alert (if any) is sent after the
     * lock is released, so a slow notifier never blocks {@link #tick} on the WebSocket thread.
     *
     * @param expectingTicks whether any code is subscribed (no subscriptions, no ticks expected)
     * @return the verdict; {@link Verdict#BECAME_STALE} exactly once per outage
     */
    public Verdict check(Instant now, boolean expectingTicks) {
        boolean continuous = marketHours.isOpen(now);
        Decision decision;
        synchronized (lock) {
            decision = decide(now, continuous && expectingTicks);
        }
        if (decision.alert() != null) {
            notifier.sendCritical(decision.alert());
        }
        return decision.verdict();
    }

    private Decision decide(Instant now, boolean ticksDue) {
        if (!ticksDue) {
            // Nothing is owed outside continuous trading or when unsubscribed; silence counts from when ticks are due.
            quietSince = now;
            if (staleSince != null) {
                return recover(now, "continuous trading over or nothing subscribed");
            }
            return new Decision(Verdict.OK, null);
        }
        if (quietSince == null) {
            quietSince = lastTick != null ? lastTick : now; // first look: silence counts from the last tick seen
        }
        Instant reference = lastTick != null && lastTick.isAfter(quietSince) ? lastTick : quietSince;
        boolean silent = Duration.between(reference, now).compareTo(threshold) >= 0;
        if (silent) {
            if (staleSince == null) {
                staleSince = now;
                log.error("price feed silent since {} (threshold {}) during continuous trading - reconnecting",
                        reference, threshold);
                return new Decision(Verdict.BECAME_STALE, "⚠️ [price-feed] KIS 실시간 시세 끊김: "
                        + Duration.between(reference, now).toSeconds()
                        + "초째 체결 없음 (장중). 재연결 시도 중. 손절/익절 감시가 멈춰 있습니다.");
            }
            return new Decision(Verdict.STILL_STALE, null);
        }
        if (staleSince != null) {
            return recover(now, "ticks flowing again");
        }
        return new Decision(Verdict.OK, null);
    }

    private Decision recover(Instant now, String why) {
        Duration outage = Duration.between(staleSince, now);
        staleSince = null;
        log.warn("price feed recovered after {} ({})", outage, why);
        return new Decision(Verdict.RECOVERED, "✅ [price-feed] KIS 실시간 시세 복구 (" + outage.toSeconds() + "초 중단 후)");
    }

    /** Whether the feed is currently judged dead. */
    public boolean isStale() {
        synchronized (lock) {
            return staleSince != null;
        }
    }

    /** The newest tick seen. */
    public Optional<Instant> lastTick() {
        synchronized (lock) {
            return Optional.ofNullable(lastTick);
        }
    }

    /** What one look decided: the verdict and the alert to send once the lock is released (null = none). */
    private record Decision(Verdict verdict, String alert) {
    }

    /** The outcome of one {@link #check}. */
    public enum Verdict {
        OK, BECAME_STALE, STILL_STALE, RECOVERED
    }
}
