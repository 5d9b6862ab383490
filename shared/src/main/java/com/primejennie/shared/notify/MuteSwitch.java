package com.primejennie.shared.notify;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's {@code /mute}: the Redis key {@code notification:mute} holding {@code {"until": epochSeconds,
 * "set_at": ...}} written by command-handler. In the Python suite nothing read it [DEFECT, fixed]; here notifications
 * are suppressed while {@code now < until}. When the key cannot be read (Redis down, malformed JSON) the notifier is
 * treated as not muted: a message too many is safer than a lost stop-loss alert.
 */
public class MuteSwitch {

    private static final Logger log = LoggerFactory.getLogger(MuteSwitch.class);

    private final StringRedisTemplate redis;
    private final String key;
    private final MarketClock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public MuteSwitch(StringRedisTemplate redis, String key, MarketClock clock) {
        this.redis = redis;
        this.key = key;
        this.clock = clock;
    }

    /** Whether notifications are muted now. */
    public boolean isMuted() {
        return mutedUntil().map(until -> clock.instant().getEpochSecond() < until).orElse(false);
    }

    /** The {@code until} of the mute key, empty when absent or unreadable. */
    public Optional<Long> mutedUntil() {
        String value;
        try {
            value = redis.opsForValue().get(key);
        } catch (RuntimeException e) {
            log.warn("cannot read {} ({}); sending anyway", key, e.getMessage());
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode until = json.readTree(value).get("until");
            if (until == null || !until.isNumber()) {
                throw new IllegalArgumentException("no numeric 'until'");
            }
            return Optional.of(until.asLong());
        } catch (RuntimeException e) {
            log.warn("ignoring malformed {} value '{}': {}", key, value, e.getMessage());
            return Optional.empty();
        }
    }
}
