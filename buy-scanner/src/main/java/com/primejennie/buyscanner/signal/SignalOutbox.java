package com.primejennie.buyscanner.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.macro.TradingContext;
import com.primejennie.shared.domain.BuyCandidate;
import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.KeyMetrics;
import com.primejennie.shared.domain.RiskSetting;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.messaging.TradingSignalPublisher;

import tools.jackson.core.type.TypeReference;

/**
 * Puts a detected signal out (spec §1.3, §1.2, §2.7, §2.9): the {@link BuySignal} on {@code stream:buy-signals}
 * (one candidate, the §1.3 fields), then — only if that {@code XADD} succeeded — the {@code dashboard:stream} event
 * and the entry in {@code logic:signals:{code}} (last 50, 7 days). A failed {@code XADD} is logged and reported; the
 * signal is not retried (the cooldown is already taken, as in Python).
 */
public final class SignalOutbox {

    public static final String DASHBOARD_CHANNEL = "dashboard:stream";
    public static final String HISTORY_PREFIX = "logic:signals:";
    public static final int HISTORY_SIZE = 50;
    public static final Duration HISTORY_TTL = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(SignalOutbox.class);

    private final TradingSignalPublisher<Object> stream;
    private final StringRedisTemplate redis;

    public SignalOutbox(TradingSignalPublisher<Object> stream, StringRedisTemplate redis) {
        this.stream = stream;
        this.redis = redis;
    }

    /** The wire message of a detected signal (spec §1.3). */
    public static BuySignal toMessage(DetectedSignal s) {
        RiskSetting risk = TradingContext.riskSettingOf(s.macro());
        BuyCandidate candidate = new BuyCandidate(s.code(), s.name(), s.code(), s.name(), s.signalType(),
                KeyMetrics.realtime(s.signalType(), s.reason()), s.price(), s.llmScore(), true, s.tradeTier(),
                s.superPrime(), s.superPrime() ? 520.0 : 500.0, risk, null, null, null, null);
        return BuySignal.fromScanner(candidate, s.regime(), WireTime.format(s.detectedAt()));
    }

    /** Publishes; returns the stream id, or null when the {@code XADD} failed. */
    public String publish(DetectedSignal signal) {
        BuySignal message = toMessage(signal);
        String id;
        try {
            id = stream.publish(message);
        } catch (RuntimeException e) {
            log.error("buy signal {} {} @ {} NOT published: {}", signal.code(), signal.signalType(), signal.price(),
                    e.getMessage());
            return null;
        }
        log.info("buy signal {} ({}) {} @ {}: {} [{}]", signal.code(), signal.name(), signal.signalType(),
                signal.price(), signal.reason(), id);
        try {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("stock_code", signal.code());
            data.put("stock_name", signal.name());
            data.put("price", signal.price());
            data.put("time", message.scanTimestamp());
            data.put("signal_type", signal.signalType());
            data.put("reason", signal.reason());
            data.put("regime", signal.regime());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "buy_signal");
            event.put("data", data);
            redis.convertAndSend(DASHBOARD_CHANNEL, WireJson.mapper().writeValueAsString(event));
        } catch (RuntimeException e) {
            log.warn("dashboard event for {} not sent: {}", signal.code(), e.getMessage());
        }
        try {
            appendHistory(signal, message.scanTimestamp());
        } catch (RuntimeException e) {
            log.warn("signal history of {} not written: {}", signal.code(), e.getMessage());
        }
        return id;
    }

    private void appendHistory(DetectedSignal signal, String timestamp) {
        String key = HISTORY_PREFIX + signal.code();
        List<Map<String, Object>> history = new ArrayList<>();
        String stored = redis.opsForValue().get(key);
        if (stored != null) {
            try {
                history.addAll(WireJson.mapper().readValue(stored, new TypeReference<List<Map<String, Object>>>() { }));
            } catch (RuntimeException e) {
                log.warn("{} held no JSON list ({}); starting it again", key, e.getMessage());
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("timestamp", timestamp);
        entry.put("type", "BUY");
        entry.put("signal_type", signal.signalType());
        entry.put("reason", signal.reason());
        entry.put("price", signal.price());
        entry.put("stock_name", signal.name());
        history.add(entry);
        if (history.size() > HISTORY_SIZE) {
            history = new ArrayList<>(history.subList(history.size() - HISTORY_SIZE, history.size()));
        }
        redis.opsForValue().set(key, WireJson.mapper().writeValueAsString(history), HISTORY_TTL);
    }
}
