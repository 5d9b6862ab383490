package com.primejennie.shared.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.notify.Notifier;

/**
 * Notices a dead feed. The Python gateway's socket could drop silently and every exit stopped with it
 * ([QUIRK] spec sell-path §3.6, §6.12). While the market is open and codes are subscribed, no tick for
 * {@code threshold} marks the feed stale: health goes DOWN, the operator gets <em>one</em> alert, and the caller is told
 * to reconnect. The first tick afterwards clears it and the recovery is reported too.
 *
 * <p>It holds no thread: {@link #check(Instant, boolean)} is called by the feed's scheduler (and directly by tests with
 * any instant), so nothing here sleeps.
 */
public final class FeedWatchdog {

    private static final Logger log = LoggerFactory.getLogger(FeedWatchdog.class);

    private final Duration threshold;
    private final MarketHours marketHours;
    private final Notifier notifier;

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

    /** Records that ticks arrived at {@code at}. Cheap; called for every frame. */
    public synchronized void tick(Instant at) {
        if (lastTick == null || at.isAfter(lastTick)) {
            lastTick = at;
        }
    }

    /**
     * Looks at the feed at {@code now}.
     *
     * @param expectingTicks whether any code is subscribed (no subscriptions, no ticks expected)
     * @return the verdict; {@link Verdict#BECAME_STALE} exactly once per outage
     */
    public synchronized Verdict check(Instant now, boolean expectingTicks) {
        boolean open = marketHours.isOpen(now);
        if (!open || !expectingTicks) {
            // Nothing is owed while closed or unsubscribed; silence is counted from the moment ticks become due.
            quietSince = now;
            if (staleSince != null) {
                return recover(now, "market closed or nothing subscribed");
            }
            return Verdict.OK;
        }
        if (quietSince == null) {
            quietSince = lastTick != null ? lastTick : now; // first look: silence counts from the last tick seen
        }
        Instant reference = lastTick != null && lastTick.isAfter(quietSince) ? lastTick : quietSince;
        boolean silent = Duration.between(reference, now).compareTo(threshold) >= 0;
        if (silent) {
            if (staleSince == null) {
                staleSince = now;
                String msg = "⚠️ [price-feed] KIS 실시간 시세 끊김: " + Duration.between(reference, now).toSeconds()
                        + "초째 체결 없음 (장중). 재연결 시도 중. 손절/익절 감시가 멈춰 있습니다.";
                log.error("price feed silent since {} (threshold {}) while the market is open - reconnecting",
                        reference, threshold);
                notifier.sendCritical(msg);
                return Verdict.BECAME_STALE;
            }
            return Verdict.STILL_STALE;
        }
        if (staleSince != null) {
            return recover(now, "ticks flowing again");
        }
        return Verdict.OK;
    }

    private Verdict recover(Instant now, String why) {
        Duration outage = Duration.between(staleSince, now);
        staleSince = null;
        log.warn("price feed recovered after {} ({})", outage, why);
        notifier.sendCritical("✅ [price-feed] KIS 실시간 시세 복구 (" + outage.toSeconds() + "초 중단 후)");
        return Verdict.RECOVERED;
    }

    /** Whether the feed is currently judged dead. */
    public synchronized boolean isStale() {
        return staleSince != null;
    }

    /** The newest tick seen. */
    public synchronized Optional<Instant> lastTick() {
        return Optional.ofNullable(lastTick);
    }

    /** The outcome of one {@link #check}. */
    public enum Verdict {
        OK, BECAME_STALE, STILL_STALE, RECOVERED
    }
}
