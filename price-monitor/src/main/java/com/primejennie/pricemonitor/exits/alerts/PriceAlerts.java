package com.primejennie.pricemonitor.exits.alerts;

import com.primejennie.shared.notify.Notifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's price alerts ({@code price_alert:{code}}, spec control-and-intelligence §1.4/§1.5, sell-path §1.10) checked
 * on live ticks instead of Python's 15-second poll of the last DB close: the alerts are re-read from Redis every
 * {@link #REFRESH} (SCAN, off the tick path), and a tick that reaches one fires it once. Firing deletes the key only if
 * it still holds the alert that was evaluated (compare-and-delete in one script), so a second price-monitor, a repeated
 * tick or an alert the bot replaced in between never sends twice or fires the wrong target. The message goes through
 * the shared {@link Notifier}.
 *
 * <p>Only stocks on {@code kis:prices} (holdings and the hot watchlist the feed subscribes) get ticks; an alert on
 * another stock waits until it is subscribed.
 */
public final class PriceAlerts {

    private static final Logger log = LoggerFactory.getLogger(PriceAlerts.class);

    /** How often the alerts are re-read (machinery time). */
    public static final Duration REFRESH = Duration.ofSeconds(15);
    public static final String PREFIX = "price_alert:";

    private static final DefaultRedisScript<Long> DELETE_IF_SAME = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
            Long.class);

    /** One alert as the bot wrote it. */
    public record Alert(String key, String raw, String code, String name, long target, boolean above) {

        public boolean reachedAt(double price) {
            return price > 0 && (above ? price >= target : price <= target);
        }
    }

    private final StringRedisTemplate redis;
    private final Notifier notifier;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Map<String, Alert> byCode = Map.of();
    private final Set<String> reportedBad = ConcurrentHashMap.newKeySet();

    public PriceAlerts(StringRedisTemplate redis, Notifier notifier) {
        this.redis = redis;
        this.notifier = notifier;
    }

    /** Re-reads every {@code price_alert:*}; a failed read keeps the alerts known. Returns how many are armed. */
    public int refresh() {
        Map<String, Alert> next = new HashMap<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").count(500).build())) {
            while (keys.hasNext()) {
                String key = keys.next();
                String raw = redis.opsForValue().get(key);
                if (raw != null) {
                    parse(key, raw).ifPresent(a -> next.put(a.code(), a));
                }
            }
        } catch (RuntimeException e) {
            log.warn("price alerts not re-read, keeping {}: {}", byCode.size(), e.toString());
            return byCode.size();
        }
        byCode = Map.copyOf(next);
        return next.size();
    }

    /** Checks one tick; returns the alert it fired (at most once per alert, across processes). */
    public Optional<Alert> onTick(String code, double price) {
        Alert a = byCode.get(code);
        if (a == null || !a.reachedAt(price)) {
            return Optional.empty();
        }
        Map<String, Alert> without = new HashMap<>(byCode);
        without.remove(code);
        byCode = Map.copyOf(without);
        Long deleted = redis.execute(DELETE_IF_SAME, List.of(a.key()), a.raw());
        if (deleted == null || deleted == 0) {
            return Optional.empty(); // fired elsewhere, deleted or replaced by the bot: the next refresh tells
        }
        notifier.send(message(a, price));
        log.info("price alert {} fired at {} (target {} {})", code, price, a.target(), a.above() ? "above" : "below");
        return Optional.of(a);
    }

    /** The Telegram text (spec §1.10: "⏰ 가격 알림 도달", name, code, target and current price). */
    public static String message(Alert a, double price) {
        return "⏰ *가격 알림 도달*\n" + a.name() + " (" + a.code() + ")\n목표가: "
                + String.format(Locale.US, "%,d", a.target()) + "원 " + (a.above() ? "⬆️ 이상" : "⬇️ 이하")
                + "\n현재가: " + String.format(Locale.US, "%,.0f", price) + "원";
    }

    Optional<Alert> parse(String key, String raw) {
        try {
            JsonNode n = json.readTree(raw);
            String code = key.substring(PREFIX.length());
            if (n.path("triggered").asBoolean(false)) {
                return Optional.empty();
            }
            JsonNode target = n.get("target_price");
            String type = n.path("alert_type").asString("");
            if (target == null || !target.isNumber() || !(target.asDouble() > 0)
                    || !(type.equals("above") || type.equals("below"))) {
                throw new IllegalArgumentException("needs target_price > 0 and alert_type above|below");
            }
            String name = n.path("stock_name").asString("");
            return Optional.of(new Alert(key, raw, code, name.isBlank() ? code : name, Math.round(target.asDouble()),
                    type.equals("above")));
        } catch (RuntimeException e) {
            if (reportedBad.add(raw)) {
                log.warn("price alert {} ignored ({}): {}", key, e.getMessage(), raw);
            }
            return Optional.empty();
        }
    }

    public int armed() {
        return byCode.size();
    }
}
