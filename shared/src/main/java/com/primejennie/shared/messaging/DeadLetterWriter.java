package com.primejennie.shared.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a message the worker could not or would not handle in {@code <stream>:dead}, trimmed like any stream, with
 * fields {@code original_id}, {@code stream}, {@code group}, {@code consumer}, {@code reason}, {@code error},
 * {@code payload} (the original payload field, or all original fields as a JSON object) and {@code dead_at}.
 */
final class DeadLetterWriter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final String stream;
    private final String deadStream;
    private final String group;
    private final String consumer;
    private final XAddArgs args;
    private final JsonMapper mapper;
    private final MessagingMetrics metrics;

    DeadLetterWriter(String stream, String group, String consumer, StreamSettings settings, JsonMapper mapper,
                     MessagingMetrics metrics) {
        this.stream = stream;
        this.deadStream = Streams.deadLetter(stream);
        this.group = group;
        this.consumer = consumer;
        this.args = settings.deadLetterMaxLen() > 0
                ? new XAddArgs().maxlen(settings.deadLetterMaxLen()).approximateTrimming() : new XAddArgs();
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Writes the dead letter; returns false (and logs the whole message) when even that failed. */
    boolean write(StatefulRedisConnection<String, String> connection, String id, Map<String, String> body,
                  String reason, String error) {
        String payload = payloadOf(body);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("original_id", id);
        fields.put("stream", stream);
        fields.put("group", group);
        fields.put("consumer", consumer);
        fields.put("reason", reason);
        fields.put("error", error == null ? "" : error);
        fields.put("payload", payload);
        fields.put("dead_at", Instant.now().toString());
        try {
            connection.sync().xadd(deadStream, args, fields);
            metrics.deadLettered(stream, group, reason).increment();
            log.warn("{} {} dead-lettered to {} ({}): {}", stream, id, deadStream, reason, error);
            return true;
        } catch (RuntimeException e) {
            log.error("{} {} could not be dead-lettered ({}: {}) because {}; the message was: {}", stream, id, reason,
                    error, e.getMessage(), payload);
            return false;
        }
    }

    private String payloadOf(Map<String, String> body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        if (body.size() == 1 && body.containsKey(Streams.PAYLOAD_FIELD)) {
            return body.get(Streams.PAYLOAD_FIELD);
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (RuntimeException e) {
            return body.toString();
        }
    }
}
