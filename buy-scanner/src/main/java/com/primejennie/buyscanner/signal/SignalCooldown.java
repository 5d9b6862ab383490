package com.primejennie.buyscanner.signal;

import java.time.Duration;
import java.util.function.BiPredicate;

/**
 * The per-stock signal cooldown {@code buy_signal_cooldown:{code}} (value {@code "1"}, TTL
 * {@code SIGNAL_COOLDOWN_SECONDS}). Taken atomically with {@code SET NX EX} when a signal is created: of two
 * scanners (or two lanes) detecting the same stock at once, exactly one gets it and publishes. Python checked, then
 * set (safe only single-threaded, spec §5 item 6).
 */
public final class SignalCooldown {

    public static final String KEY_PREFIX = "buy_signal_cooldown:";

    private final BiPredicate<String, Duration> setIfAbsent;

    /** @param setIfAbsent {@code SET key "1" NX EX ttl}; true when set */
    public SignalCooldown(BiPredicate<String, Duration> setIfAbsent) {
        this.setIfAbsent = setIfAbsent;
    }

    public static String key(String code) {
        return KEY_PREFIX + code;
    }

    /** Takes the cooldown of {@code code} for {@code ttl}; false when it is already held. */
    public boolean tryAcquire(String code, Duration ttl) {
        return setIfAbsent.test(key(code), ttl);
    }
}
