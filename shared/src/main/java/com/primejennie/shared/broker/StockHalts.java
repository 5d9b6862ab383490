package com.primejennie.shared.broker;

import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The per-stock order halts ({@code broker:halt:<code>}, no expiry): set when a submit's outcome cannot be settled,
 * read before every submit by every process, cleared only by an operator.
 */
public class StockHalts {

    private static final String PREFIX = "broker:halt:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public StockHalts(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** Halts {@code halt.code()}; keeps the first halt if one is already in place. */
    public void halt(StockHalt halt) {
        redis.opsForValue().setIfAbsent(PREFIX + halt.code(), json.writeValueAsString(halt));
    }

    public Optional<StockHalt> find(String code) {
        String value = redis.opsForValue().get(PREFIX + code);
        return value == null ? Optional.empty() : Optional.of(json.readValue(value, StockHalt.class));
    }

    public void clear(String code) {
        redis.delete(PREFIX + code);
    }
}
