package com.primejennie.dashboard.console.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.ConsoleProperties;
import com.primejennie.shared.messaging.Streams;

/**
 * Length, consumer groups (pending and lag) and dead-letter count of every configured stream, and the dead-letter
 * entries of one stream ({@code <stream>:dead}, written by the shared worker with {@code reason}, {@code error},
 * {@code original_id}, {@code payload}, {@code dead_at}).
 */
@Component
public class StreamsReader {

    public record Group(String name, long pending, Long lag, long consumers) {
    }

    public record StreamRow(String stream, long length, List<Group> groups, long deadLetters, String error) {
    }

    public record DeadLetter(String id, Map<Object, Object> fields) {
    }

    private final StringRedisTemplate redis;
    private final ConsoleProperties properties;

    public StreamsReader(StringRedisTemplate redis, ConsoleProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public List<StreamRow> streams() {
        List<StreamRow> rows = new ArrayList<>();
        for (String stream : properties.streams()) {
            try {
                long length = len(stream);
                List<Group> groups = new ArrayList<>();
                if (length > 0 || Boolean.TRUE.equals(redis.hasKey(stream))) {
                    for (StreamInfo.XInfoGroup g : redis.opsForStream().groups(stream)) {
                        Object lag = g.getRaw().get("lag");
                        groups.add(new Group(g.groupName(), g.pendingCount(),
                                lag instanceof Number n ? n.longValue() : null, g.consumerCount()));
                    }
                }
                rows.add(new StreamRow(stream, length, groups, len(Streams.deadLetter(stream)), null));
            } catch (RuntimeException e) {
                rows.add(new StreamRow(stream, 0, List.of(), 0, e.getMessage()));
            }
        }
        return rows;
    }

    private long len(String key) {
        Long n = redis.opsForStream().size(key);
        return n == null ? 0 : n;
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
