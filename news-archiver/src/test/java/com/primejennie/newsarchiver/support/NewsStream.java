package com.primejennie.newsarchiver.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.primejennie.shared.testing.RealServices;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the Python news-collector on the real Redis: {@code XADD stream:news:raw} with the three plain fields it
 * writes ({@code page_content}, {@code metadata} as JSON text, {@code published_at}); and reads the dead letters.
 */
public final class NewsStream implements AutoCloseable {

    public static final String STREAM = "stream:news:raw";
    public static final String DEAD = "stream:news:raw:dead";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final RedisClient client = RedisClient.create(RealServices.redis().uri());
    private final StatefulRedisConnection<String, String> connection = client.connect();

    public RedisCommands<String, String> redis() {
        return connection.sync();
    }

    public static ObjectNode metadata(String code, String name, String source, String url, Long createdAtUtc) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("stock_code", code);
        m.put("stock_name", name);
        m.put("source", source);
        m.put("source_url", url);
        if (createdAtUtc == null) {
            m.putNull("created_at_utc");
        } else {
            m.put("created_at_utc", createdAtUtc);
        }
        return m;
    }

    public String publish(String pageContent, ObjectNode metadata) {
        return publishRaw(pageContent, metadata.toString());
    }

    public String publishRaw(String pageContent, String metadataJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (pageContent != null) {
            fields.put("page_content", pageContent);
        }
        if (metadataJson != null) {
            fields.put("metadata", metadataJson);
        }
        fields.put("published_at", "2026-02-11T01:23:00.412345+00:00");
        return redis().xadd(STREAM, fields);
    }

    public List<StreamMessage<String, String>> deadLetters() {
        return redis().xrange(DEAD, io.lettuce.core.Range.create("-", "+"));
    }

    /** Reads up to {@code count} new entries as consumer {@code consumer} of the archiver's group, never acking. */
    public List<StreamMessage<String, String>> readAsDeadConsumer(String consumer, int count) {
        return redis().xreadgroup(Consumer.from("group_archiver", consumer), XReadArgs.Builder.count(count),
                XReadArgs.StreamOffset.lastConsumed(STREAM));
    }

    public long pending() {
        return redis().xpending(STREAM, "group_archiver").getCount();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
