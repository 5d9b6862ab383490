package com.primejennie.shared.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.TradingSignalPublisher;

/**
 * Publishes ticks as the Python gateway did, so Python consumers keep working: one {@code kis:prices} entry per trade
 * with the string fields {@code code}, {@code price} ({@code "71200.0"}), {@code high}, plus the added {@code vol} (this
 * trade's shares, CNTG_VOL — the gateway published no volume, <b>[DEFECT] volume always 0, fixed</b>) and {@code time}
 * ({@code HHmmss} KST), through the shared {@link TradingSignalPublisher} ({@code MAXLEN ~}, 10 000 by default). The
 * entries of one frame are pipelined in order. It also keeps the gateway's {@code prices:realtime} hash (code → last
 * price, expiring 120 s after the last write) that the dashboard reads.
 */
public final class StreamTickPublisher implements TickPublisher {

    /** The hash of last prices the dashboard reads. */
    public static final String REALTIME_HASH = "prices:realtime";
    static final long REALTIME_TTL_SECONDS = 120;

    private final TradingSignalPublisher<PriceTick> stream;
    private final StringRedisTemplate redis;

    public StreamTickPublisher(TradingSignalPublisher<PriceTick> stream, StringRedisTemplate redis) {
        this.stream = stream;
        this.redis = redis;
    }

    /** The stream message of a trade. */
    public static PriceTick message(TradeTick tick) {
        return new PriceTick(tick.code(), tick.price(), (double) tick.high(), tick.volume(), tick.time());
    }

    @Override
    public void publish(List<TradeTick> ticks) {
        if (ticks.isEmpty()) {
            return;
        }
        List<CompletableFuture<String>> sent = new ArrayList<>(ticks.size());
        for (TradeTick tick : ticks) {
            sent.add(stream.publishAsync(message(tick)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Map<byte[], byte[]> last = new LinkedHashMap<>();
        for (TradeTick tick : ticks) {
            last.put(bytes(tick.code()), bytes(message(tick).price() + ""));
        }
        byte[] hash = bytes(REALTIME_HASH);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            connection.hashCommands().hMSet(hash, last);
            connection.keyCommands().expire(hash, REALTIME_TTL_SECONDS);
            return null;
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
