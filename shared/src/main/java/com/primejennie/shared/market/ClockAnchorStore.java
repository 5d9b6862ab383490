package com.primejennie.shared.market;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared home of a simulation's {@link SimulationAnchor}: the Redis key {@code jennie:clock}, holding
 * {@code {"start":"<ISO instant>","anchor":"<ISO instant>","speed":1.0}}. The first process to
 * {@linkplain #join join} a simulation creates it (atomically, SET NX) anchored to its real now; every later one reads
 * the same anchor, so all processes compute the same simulated instant from the same real instant.
 */
public final class ClockAnchorStore {

    /** The key every process agrees on unless configured otherwise. */
    public static final String DEFAULT_KEY = "jennie:clock";

    private final StringRedisTemplate redis;
    private final String key;

    public ClockAnchorStore(StringRedisTemplate redis, String key) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("clock anchor key must not be blank");
        }
        this.key = key;
    }

    /** The key this store reads and writes. */
    public String key() {
        return key;
    }

    /**
     * The running simulation, created from {@code start} (at {@code speed}, default 1) anchored to {@code real}'s now
     * if none runs. With {@code start} null this only follows. A running simulation with a different start or speed
     * fails: two clocks in one fleet would disagree silently.
     */
    public SimulationAnchor join(Instant start, Double speed, Clock real) {
        SimulationAnchor running = read();
        if (running == null) {
            if (start == null) {
                throw new IllegalStateException("No simulation is running (Redis key " + key
                        + " is empty): set jennie.clock.start to start one");
            }
            SimulationAnchor fresh = new SimulationAnchor(start, real.instant(), speed == null ? 1.0 : speed);
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, toJson(fresh)))) {
                return fresh;
            }
            running = read(); // another process won the race: join its anchor
            if (running == null) {
                throw new IllegalStateException("Redis key " + key + " vanished while joining the simulation");
            }
        }
        if ((start != null && !start.equals(running.start()))
                || (speed != null && speed != running.speed())) {
            throw new IllegalStateException("A different simulation is running under " + key + " (" + running
                    + "); set jennie.clock.publish=true to restart it from jennie.clock.start");
        }
        return running;
    }

    /** Starts (or restarts) the simulation from {@code start} anchored to {@code real}'s now, replacing any other. */
    public SimulationAnchor publish(Instant start, Double speed, Clock real) {
        SimulationAnchor anchor = new SimulationAnchor(Objects.requireNonNull(start, "start"), real.instant(),
                speed == null ? 1.0 : speed);
        redis.opsForValue().set(key, toJson(anchor));
        return anchor;
    }

    /** The running simulation, or null. A malformed value fails fast: guessing a clock is worse than not starting. */
    public SimulationAnchor read() {
        String json = redis.opsForValue().get(key);
        return json == null ? null : fromJson(json);
    }

    static String toJson(SimulationAnchor anchor) {
        ObjectNode node = WireJson.mapper().createObjectNode();
        node.put("start", anchor.start().toString());
        node.put("anchor", anchor.anchor().toString());
        node.put("speed", anchor.speed());
        return WireJson.mapper().writeValueAsString(node);
    }

    private SimulationAnchor fromJson(String json) {
        try {
            JsonNode node = WireJson.mapper().readTree(json);
            JsonNode speed = node.get("speed");
            return new SimulationAnchor(
                    Instant.parse(node.required("start").asString()),
                    Instant.parse(node.required("anchor").asString()),
                    speed == null || speed.isNull() ? 1.0 : speed.asDouble());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis key " + key + " does not hold a clock anchor: " + json, e);
        }
    }
}
