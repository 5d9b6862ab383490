package com.primejennie.dashboard.console.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.primejennie.shared.llm.LlmTier;
import com.primejennie.shared.llm.RedisUsageStore;
import com.primejennie.shared.market.MarketClock;

/**
 * Today's LLM usage from the {@code llm:stats:{KST date}:{name}} hashes the shared client writes: one per service
 * and one per tier ({@code fast}, {@code reasoning}, {@code thinking}), as the Python stats did.
 */
@Component
public class LlmUsageReader {

    public record Usage(String name, boolean tier, long calls, long tokensIn, long tokensOut) {
    }

    private final StringRedisTemplate redis;
    private final MarketClock clock;

    public LlmUsageReader(StringRedisTemplate redis, MarketClock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public List<Usage> today() {
        String prefix = RedisUsageStore.key(clock.today(), "");
        List<String> keys = new ArrayList<>();
        try (Cursor<String> c = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(200).build())) {
            c.forEachRemaining(keys::add);
        }
        keys.sort(String::compareTo);
        List<String> tiers = new ArrayList<>();
        for (LlmTier t : LlmTier.values()) {
            tiers.add(t.name().toLowerCase());
        }
        List<Usage> out = new ArrayList<>();
        for (String key : keys) {
            String name = key.substring(prefix.length());
            Map<Object, Object> h = redis.opsForHash().entries(key);
            out.add(new Usage(name, tiers.contains(name), num(h.get(RedisUsageStore.CALLS)),
                    num(h.get(RedisUsageStore.TOKENS_IN)), num(h.get(RedisUsageStore.TOKENS_OUT))));
        }
        out.sort((a, b) -> a.tier() == b.tier() ? a.name().compareTo(b.name()) : a.tier() ? 1 : -1);
        return out;
    }

    private static long num(Object o) {
        try {
            return o == null ? 0 : Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
