package com.primejennie.sellexecutor.cooldown;

import com.primejennie.shared.market.MarketClock;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The re-entry cooldown the buy scanner reads after a stop-loss sale (spec §2.2 step 12):
 * {@code stoploss_cooldown:{code}} for {@code round(days × 1.4)} calendar days, value
 * {@code {cooldown_days, calendar_days, set_at}}. Written at the fill, by the sell-executor only.
 */
public final class StopLossCooldown {

    private final StringRedisTemplate redis;
    private final MarketClock clock;

    public StopLossCooldown(StringRedisTemplate redis, MarketClock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public static String key(String code) {
        return "stoploss_cooldown:" + code;
    }

    /** Calendar days for {@code cooldownDays} trading days: {@code int(d × 1.4 + 0.5)}. */
    public static int calendarDays(int cooldownDays) {
        return (int) (cooldownDays * 1.4 + 0.5);
    }

    public void set(String code, int cooldownDays) {
        int calendar = calendarDays(cooldownDays);
        String value = "{\"cooldown_days\": " + cooldownDays + ", \"calendar_days\": " + calendar
                + ", \"set_at\": \"" + clock.nowUtcNaive() + "\"}";
        redis.opsForValue().set(key(code), value, Duration.ofDays(calendar));
    }
}
