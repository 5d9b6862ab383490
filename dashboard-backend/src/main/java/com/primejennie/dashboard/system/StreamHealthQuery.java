package com.primejennie.dashboard.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.DashboardProperties;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.messaging.Streams;

/**
 * What replaced RabbitMQ: per configured stream its length, dead-letter count and every consumer group with its
 * consumers, pending (delivered, not acknowledged) and lag (entries not yet delivered to the group, Redis 7), for
 * {@code /api/system/streams}; the old {@code /api/system/rabbitmq} {@code queues[]} shape is filled from it.
 */
@Service
public class StreamHealthQuery {

    private static final Logger log = LoggerFactory.getLogger(StreamHealthQuery.class);

    private final StringRedisTemplate redis;
    private final DashboardProperties properties;

    public StreamHealthQuery(StringRedisTemplate redis, DashboardProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    public Map<String, Object> streams() {
        List<Map<String, Object>> streams = new ArrayList<>();
        for (String stream : properties.streams()) {
            streams.add(stream(stream));
        }
        return Shape.of("streams", streams, "count", streams.size());
    }

    Map<String, Object> stream(String stream) {
        long length = size(stream);
        long dead = size(Streams.deadLetter(stream));
        List<Map<String, Object>> groups = new ArrayList<>();
        if (length > 0 || Boolean.TRUE.equals(redis.hasKey(stream))) {
            try {
                for (StreamInfo.XInfoGroup g : redis.opsForStream().groups(stream)) {
                    Object lag = g.getRaw().get("lag");
                    groups.add(Shape.of("name", g.groupName(), "consumers", orZero(g.consumerCount()),
                            "pending", orZero(g.pendingCount()), "lag", lag instanceof Number n ? n.longValue()
                                    : length, "last_delivered_id", g.lastDeliveredId()));
                }
            } catch (RuntimeException e) {
                log.debug("no groups on {}: {}", stream, e.getMessage());
            }
        }
        return Shape.of("stream", stream, "length", length, "dead_letter_stream", Streams.deadLetter(stream),
                "dead_letter_count", dead, "groups", groups);
    }

    /** The old RabbitMQ card: one "queue" per stream and group. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> rabbitmqShape() {
        List<Map<String, Object>> queues = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) streams().get("streams")) {
            List<Map<String, Object>> groups = (List<Map<String, Object>>) s.get("groups");
            if (groups.isEmpty()) {
                queues.add(Shape.of("name", s.get("stream"), "messages", 0L, "messages_ready", s.get("length"),
                        "messages_unacknowledged", 0L, "consumers", 0L, "state", "idle",
                        "dead_letter_count", s.get("dead_letter_count")));
            }
            for (Map<String, Object> g : groups) {
                queues.add(Shape.of("name", s.get("stream") + "/" + g.get("name"), "messages", g.get("pending"),
                        "messages_ready", g.get("lag"), "messages_unacknowledged", g.get("pending"),
                        "consumers", g.get("consumers"), "state", ((Long) g.get("consumers")) > 0 ? "running"
                                : "idle", "dead_letter_count", s.get("dead_letter_count")));
            }
        }
        return Shape.of("queues", queues, "count", queues.size(), "note", "Redis Streams (RabbitMQ replaced)");
    }

    private long size(String stream) {
        try {
            Long n = redis.opsForStream().size(stream);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
