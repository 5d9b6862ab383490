package com.primejennie.scheduler.watchman;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.notify.Notifier;

import tools.jackson.databind.JsonNode;

/**
 * The suite's watchman: while the KRX market is open, once a minute (market time) it checks every service's health
 * and heartbeat ({@link HealthProbe}). A target DOWN for longer than {@code down-after} gets one alert, and one more
 * when it is back; the exit path (price-monitor, sell-executor) and the feed are critical, so their alerts get
 * through the operator's mute. With several scheduler instances one of them checks each minute (a {@code SET NX}
 * claim) and the outage state lives in Redis ({@code scheduler:watchman}), so an alert is sent once whoever checks.
 */
public final class Watchman {

    /** Hash of target → {@code {"down_since": epoch ms, "alerted": bool, "detail": text}}. */
    public static final String STATE_KEY = "scheduler:watchman";
    /** Prefix of the per-check claims. */
    public static final String CHECK_CLAIM_PREFIX = "scheduler:watchman:check:";

    private static final Logger log = LoggerFactory.getLogger(Watchman.class);

    private final WatchmanProperties properties;
    private final HealthProbe probe;
    private final StringRedisTemplate redis;
    private final Notifier notifier;
    private final TradingCalendar calendar;
    private final MarketClock clock;
    private volatile long lastSlot = Long.MIN_VALUE;

    public Watchman(WatchmanProperties properties, HealthProbe probe, StringRedisTemplate redis, Notifier notifier,
                    TradingCalendar calendar, MarketClock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Called by the loop on every tick: checks when a new interval has begun, the market is open and this instance won the check. */
    public void tick() {
        Instant now = clock.instant();
        long slot = now.toEpochMilli() / Math.max(1, properties.interval().toMillis());
        if (slot == lastSlot) {
            return;
        }
        lastSlot = slot;
        if (!marketOpen(now)) {
            return;
        }
        Boolean won = redis.opsForValue().setIfAbsent(CHECK_CLAIM_PREFIX + slot, "1", Duration.ofMinutes(10));
        if (Boolean.TRUE.equals(won)) {
            checkNow();
        }
    }

    /** One check of every target at the market clock's now, with alerts as due; returns what was found. */
    public List<TargetStatus> checkNow() {
        Instant now = clock.instant();
        List<TargetStatus> found = probe.check();
        for (TargetStatus status : found) {
            try {
                track(status, now);
            } catch (RuntimeException e) {
                log.error("watchman: could not track {}: {}", status.target(), e.toString());
            }
        }
        return found;
    }

    private void track(TargetStatus status, Instant now) {
        Object raw = redis.opsForHash().get(STATE_KEY, status.target());
        JsonNode state = raw == null ? null : WireJson.mapper().readTree(raw.toString());
        if (status.up()) {
            if (state != null) {
                redis.opsForHash().delete(STATE_KEY, status.target());
                if (state.path("alerted").asBoolean(false)) {
                    Duration outage = Duration.ofMillis(now.toEpochMilli() - state.path("down_since").asLong());
                    send(status.target(), recoveredText(status.target(), outage));
                }
            }
            return;
        }
        long downSince = state == null ? now.toEpochMilli() : state.path("down_since").asLong(now.toEpochMilli());
        boolean alerted = state != null && state.path("alerted").asBoolean(false);
        if (!alerted && now.toEpochMilli() - downSince >= properties.downAfter().toMillis()) {
            alerted = true;
            send(status.target(), downText(status, Duration.ofMillis(now.toEpochMilli() - downSince),
                    properties.critical().contains(status.target())));
        }
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("down_since", downSince);
        next.put("alerted", alerted);
        next.put("detail", status.detail());
        redis.opsForHash().put(STATE_KEY, status.target(), WireJson.mapper().writeValueAsString(next));
        if (state == null) {
            log.warn("watchman: {} is DOWN ({})", status.target(), status.detail());
        }
    }

    private void send(String target, String text) {
        boolean critical = properties.critical().contains(target);
        boolean sent = critical ? notifier.sendCritical(text) : notifier.send(text);
        log.warn("watchman alert ({}{}): {}", critical ? "critical" : "normal", sent ? "" : ", not delivered",
                text.lines().findFirst().orElse(""));
    }

    private boolean marketOpen(Instant now) {
        try {
            return calendar.isMarketOpen(now);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String downText(TargetStatus status, Duration down, boolean critical) {
        String what = status.target().equals("feed") ? "실시간 시세(feed)" : status.target();
        return "🚨 [감시] " + what + " 중단 " + human(down) + " 이상\n"
                + "상태: " + status.detail() + "\n"
                + (status.target().equals("feed") ? "시세가 멈추면 손절·익절이 동작하지 않습니다. 즉시 확인하세요."
                : critical ? "매도 경로가 멈췄을 수 있습니다. 즉시 확인하세요." : "확인이 필요합니다.");
    }

    static String recoveredText(String target, Duration outage) {
        String what = target.equals("feed") ? "실시간 시세(feed)" : target;
        return "✅ [감시] " + what + " 복구됨 (중단 약 " + human(outage) + ")";
    }

    private static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 60 ? (s / 60) + "분" + (s % 60 == 0 ? "" : " " + (s % 60) + "초") : s + "초";
    }
}
