package com.primejennie.shared.broker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Order intents and the order numbers already claimed by one, in Redis so every process of the suite shares them.
 * The set {@code broker:orders:<yyyyMMdd>} lets settlement ignore today's orders that belong to another intent.
 */
public class OrderIntentStore {

    private static final String PREFIX = "broker:intent:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    public OrderIntentStore(StringRedisTemplate redis, JsonMapper json, Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    /** Writes {@code intent} only if no intent has this key yet. */
    public boolean create(OrderIntent intent) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(PREFIX + intent.intentKey(),
                json.writeValueAsString(intent), ttl.toMillis(), TimeUnit.MILLISECONDS));
    }

    public void save(OrderIntent intent) {
        redis.opsForValue().set(PREFIX + intent.intentKey(), json.writeValueAsString(intent), ttl.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public Optional<OrderIntent> find(String intentKey) {
        String value = redis.opsForValue().get(PREFIX + intentKey);
        return value == null ? Optional.empty() : Optional.of(json.readValue(value, OrderIntent.class));
    }

    public void delete(String intentKey) {
        redis.delete(PREFIX + intentKey);
    }

    /** Marks {@code orderNo} as belonging to an intent (today, {@code day} = yyyyMMdd). */
    public void claimOrder(String day, String orderNo) {
        String key = "broker:orders:" + day;
        redis.opsForSet().add(key, orderNo);
        redis.expire(key, Duration.ofDays(3));
    }

    public boolean isClaimed(String day, String orderNo) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember("broker:orders:" + day, orderNo));
    }
}
