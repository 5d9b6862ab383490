package com.primejennie.shared.feed;

import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes execution notices to {@code kis:fills} in the suite's message format: one field {@code payload} holding a
 * UTF-8 JSON object (non-ASCII as-is), so a {@code TradingSignalWorker} consumer group can read them like any other
 * stream. Trimmed with {@code MAXLEN ~}.
 */
public final class RedisFillPublisher implements FillPublisher {

    private final StringRedisTemplate redis;
    private final String stream;
    private final XAddOptions options;
    private final JsonMapper json = JsonMapper.shared();

    public RedisFillPublisher(StringRedisTemplate redis, String stream, long maxlen) {
        this.redis = redis;
        this.stream = stream;
        this.options = XAddOptions.maxlen(maxlen).approximateTrimming(true);
    }

    @Override
    public void publish(List<FillNotice> notices) {
        for (FillNotice notice : notices) {
            redis.opsForStream().add(stream, Map.of("payload", json.writeValueAsString(notice.toPayload())), options);
        }
    }
}
