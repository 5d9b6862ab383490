package com.primejennie.scheduler.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.core.type.TypeReference;

/**
 * Publications held back by {@code delay_seconds} (the Python scheduler computed the delay and ignored it): entries
 * of the sorted set {@code scheduler:delayed}, scored with their due instant on the market clock, so they survive a
 * restart and any instance may publish them. Taking one is a {@code ZREM}: only the instance whose {@code ZREM}
 * removed it publishes.
 */
public final class DelayedPublications {

    /** The sorted set of held publications. */
    public static final String KEY = "scheduler:delayed";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final StringRedisTemplate redis;

    public DelayedPublications(StringRedisTemplate redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** A held publication. */
    public record Held(String runId, String stream, Map<String, Object> payload) {
    }

    /** Holds {@code payload} for {@code stream} until {@code due}. */
    public void hold(String runId, String stream, Map<String, Object> payload, Instant due) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run_id", runId);
        entry.put("stream", stream);
        entry.put("payload", payload);
        redis.opsForZSet().add(KEY, WireJson.mapper().writeValueAsString(entry), due.toEpochMilli());
    }

    /** Takes the publications due at {@code now} that this instance won (each is handed to exactly one caller). */
    @SuppressWarnings("unchecked")
    public List<Held> takeDue(Instant now) {
        Set<String> due = redis.opsForZSet().rangeByScore(KEY, Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, 100);
        List<Held> taken = new ArrayList<>();
        if (due == null) {
            return taken;
        }
        for (String member : due) {
            Long removed = redis.opsForZSet().remove(KEY, member);
            if (removed != null && removed == 1L) {
                Map<String, Object> entry = WireJson.mapper().readValue(member, MAP);
                taken.add(new Held((String) entry.get("run_id"), (String) entry.get("stream"),
                        (Map<String, Object>) entry.get("payload")));
            }
        }
        return taken;
    }

    /** How many publications are held. */
    public long size() {
        Long n = redis.opsForZSet().zCard(KEY);
        return n == null ? 0 : n;
    }
}
