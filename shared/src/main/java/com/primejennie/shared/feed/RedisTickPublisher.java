package com.primejennie.shared.feed;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes ticks as the Python gateway did, so Python consumers keep working: {@code XADD kis:prices MAXLEN ~N * code
 * <code> price <"71200.0"> high <"71500.0">}, plus the added fields {@code vol} (this trade's shares, CNTG_VOL — the
 * gateway published no volume, <b>[DEFECT] volume always 0, fixed</b>) and {@code time} ({@code HHmmss} KST). It also keeps
 * the gateway's {@code prices:realtime} hash (code → last price, expiring 120 s after the last write) that the dashboard
 * reads. One pipelined round trip per frame.
 */
public final class RedisTickPublisher implements TickPublisher {

    /** The hash of last prices the dashboard reads. */
    public static final String REALTIME_HASH = "prices:realtime";
    static final long REALTIME_TTL_SECONDS = 120;

    private final StringRedisTemplate redis;
    private final String stream;
    private final XAddOptions options;

    public RedisTickPublisher(StringRedisTemplate redis, String stream, long maxlen) {
        this.redis = redis;
        this.stream = stream;
        this.options = XAddOptions.maxlen(maxlen).approximateTrimming(true);
    }

    /** The stream entry fields of a tick, in the order written. */
    public static Map<String, String> fields(TradeTick tick) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", tick.code());
        m.put("price", pythonFloat(tick.price()));
        m.put("high", pythonFloat(tick.high()));
        m.put("vol", Long.toString(tick.volume()));
        m.put("time", tick.time());
        return m;
    }

    /** {@code str(float(x))} as the Python gateway wrote prices, e.g. {@code 71200.0}. */
    static String pythonFloat(long krw) {
        return krw + ".0";
    }

    @Override
    public void publish(List<TradeTick> ticks) {
        if (ticks.isEmpty()) {
            return;
        }
        byte[] hash = REALTIME_HASH.getBytes(StandardCharsets.UTF_8);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            Map<byte[], byte[]> last = new LinkedHashMap<>();
            for (TradeTick tick : ticks) {
                MapRecord<byte[], byte[], byte[]> record = StreamRecords.newRecord()
                        .in(bytes(stream))
                        .ofMap(toBytes(fields(tick)));
                connection.streamCommands().xAdd(record, options);
                last.put(bytes(tick.code()), bytes(pythonFloat(tick.price())));
            }
            for (Map.Entry<byte[], byte[]> e : last.entrySet()) {
                connection.hashCommands().hSet(hash, e.getKey(), e.getValue());
            }
            connection.keyCommands().expire(hash, REALTIME_TTL_SECONDS);
            return null;
        });
    }

    private static Map<byte[], byte[]> toBytes(Map<String, String> fields) {
        Map<byte[], byte[]> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(bytes(k), bytes(v)));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
