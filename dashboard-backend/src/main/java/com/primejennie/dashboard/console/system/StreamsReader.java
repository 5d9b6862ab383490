package com.primejennie.dashboard.console.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.DashboardProperties;
import com.primejennie.shared.messaging.Streams;

/**
 * The dead-letter entries of one configured stream ({@code <stream>:dead}, written by the shared worker with
 * {@code reason}, {@code error},
 * {@code original_id}, {@code payload}, {@code dead_at}).
 */
@Component
public class StreamsReader {

    public record DeadLetter(String id, Map<Object, Object> fields) {
    }

    private final StringRedisTemplate redis;
    private final DashboardProperties properties;

    public StreamsReader(StringRedisTemplate redis, DashboardProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The newest {@code limit} dead letters of {@code stream}; only configured streams may be read. */
    public List<DeadLetter> deadLetters(String stream, int limit) {
        if (!properties.streams().contains(stream)) {
            throw new IllegalArgumentException("stream '" + stream + "' is not one of " + properties.streams());
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().reverseRange(
                Streams.deadLetter(stream), Range.unbounded(),
                org.springframework.data.redis.connection.Limit.limit().count(limit));
        List<DeadLetter> out = new ArrayList<>();
        if (records != null) {
            for (MapRecord<String, Object, Object> r : records) {
                out.add(new DeadLetter(r.getId().getValue(), r.getValue()));
            }
        }
        return out;
    }
}
