package com.primejennie.shared.trading;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;

/**
 * The one reader and writer of the trading switches {@code trading:pause}, {@code trading:stop} and
 * {@code trading:dryrun}, for the bot, the dashboard and every service.
 *
 * <p><b>No silent expiry.</b> The Python command-handler wrote every flag with a 24 h TTL, so an emergency stop or a
 * pause quietly lifted itself the next day and trading resumed [DEFECT, fixed]. Flags written here carry no TTL unless
 * the operator gives a duration ({@code /pause 2h}). Flags the Python suite wrote with a TTL are read as they are.
 *
 * <p><b>Reads</b> are cached for {@code cacheTtl} (default 1 s) so a tick loop may ask every tick. When Redis cannot be
 * read, a value read within {@code staleLimit} (default 30 s) is still used; older than that, or never read, the state
 * is unknown ({@link TradingFlagsUnavailableException}) and the convenience answers fail safe: buys halted, exits kept.
 * The cache and the limits are machinery durations and run on real time; {@code set_at} is stamped by the
 * {@link MarketClock}, like every other event time.
 */
public class TradingFlags {

    private static final Logger log = LoggerFactory.getLogger(TradingFlags.class);

    /** Default lifetime of a cached read. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(1);
    /** Default age up to which a cached read is used while Redis is down. */
    public static final Duration DEFAULT_STALE_LIMIT = Duration.ofSeconds(30);

    private record Cached(Optional<TradingFlag> flag, Instant readAt) {
    }

    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final InstantSource realTime;
    private final Duration cacheTtl;
    private final Duration staleLimit;
    private final Map<TradingFlagName, Cached> cache = new ConcurrentHashMap<>();

    public TradingFlags(StringRedisTemplate redis, MarketClock clock) {
        this(redis, clock, InstantSource.system(), DEFAULT_CACHE_TTL, DEFAULT_STALE_LIMIT);
    }

    public TradingFlags(StringRedisTemplate redis, MarketClock clock, InstantSource realTime, Duration cacheTtl,
                        Duration staleLimit) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.realTime = Objects.requireNonNull(realTime, "realTime");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.staleLimit = Objects.requireNonNull(staleLimit, "staleLimit");
    }

    /**
     * The stored flag, empty when the key does not exist.
     *
     * @throws TradingFlagsUnavailableException when it cannot be read and nothing recent is cached, or the stored
     *                                          value is not a flag
     */
    public Optional<TradingFlag> find(TradingFlagName name) {
        Instant now = realTime.instant();
        Cached cached = cache.get(name);
        if (cached != null && now.isBefore(cached.readAt().plus(cacheTtl))) {
            return cached.flag();
        }
        String stored;
        try {
            stored = redis.opsForValue().get(name.key());
        } catch (RuntimeException e) {
            if (cached != null && now.isBefore(cached.readAt().plus(staleLimit))) {
                log.warn("cannot read {} ({}); using the value read {} ago", name.key(), e.getMessage(),
                        Duration.between(cached.readAt(), now));
                return cached.flag();
            }
            throw new TradingFlagsUnavailableException("cannot read " + name.key() + ": " + e.getMessage(), e);
        }
        Optional<TradingFlag> flag;
        try {
            flag = stored == null ? Optional.empty() : Optional.of(TradingFlag.parse(stored));
        } catch (IllegalArgumentException e) {
            throw new TradingFlagsUnavailableException(name.key() + " holds " + e.getMessage(), e);
        }
        cache.put(name, new Cached(flag, now));
        return flag;
    }

    /** The flag, {@link TradingFlag#ABSENT} when the key does not exist; throws like {@link #find}. */
    public TradingFlag read(TradingFlagName name) {
        return find(name).orElse(TradingFlag.ABSENT);
    }

    /** Whether {@code /pause} is on; throws like {@link #find}. */
    public boolean isPaused() {
        return read(TradingFlagName.PAUSE).value();
    }

    /** Whether the emergency stop is on; throws like {@link #find}. */
    public boolean isStopped() {
        return read(TradingFlagName.STOP).value();
    }

    /** Whether automatic buys must not run: pause or stop, and {@code true} when the flags cannot be read. */
    public boolean buysHalted() {
        try {
            return isPaused() || isStopped();
        } catch (TradingFlagsUnavailableException e) {
            log.warn("trading flags unknown ({}); halting buys", e.getMessage());
            return true;
        }
    }

    /**
     * Whether automatic exits must not run: the emergency stop, and {@code false} when it cannot be read (an exit
     * that protects money keeps running when the switch is unknown).
     */
    public boolean automaticExitsHalted() {
        try {
            return isStopped();
        } catch (TradingFlagsUnavailableException e) {
            log.warn("trading flags unknown ({}); keeping automatic exits", e.getMessage());
            return false;
        }
    }

    /**
     * Writes {@code name} = {@code value}.
     *
     * @param ttl how long it lives; {@code null} (the normal case) = until changed. Never the Python 24 h by default.
     * @return the flag written
     */
    public TradingFlag set(TradingFlagName name, boolean value, String reason, Duration ttl) {
        if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
            throw new IllegalArgumentException("flag duration must be positive, got " + ttl);
        }
        TradingFlag flag = TradingFlag.set(value, reason, WireTime.format(clock.instant()));
        if (ttl == null) {
            redis.opsForValue().set(name.key(), flag.toJson());
        } else {
            redis.opsForValue().set(name.key(), flag.toJson(), ttl);
        }
        cache.put(name, new Cached(Optional.of(flag), realTime.instant()));
        return flag;
    }

    /** Deletes {@code name}: it reads as absent (for dry run: the env / profile default applies again). */
    public boolean clear(TradingFlagName name) {
        Boolean deleted = redis.delete(name.key());
        cache.put(name, new Cached(Optional.empty(), realTime.instant()));
        return Boolean.TRUE.equals(deleted);
    }

    /** {@code /pause}: pause on, until resumed (or for {@code ttl} when given). */
    public TradingFlag pause(String reason, Duration ttl) {
        return set(TradingFlagName.PAUSE, true, reason, ttl);
    }

    /** {@code /stop 확인}: stop and pause on, until resumed (an emergency stop never expires). */
    public TradingFlag stop(String reason) {
        set(TradingFlagName.PAUSE, true, reason, null);
        return set(TradingFlagName.STOP, true, reason, null);
    }

    /** {@code /resume}: pause and stop written as explicit {@code false}, as the Python bot did (no TTL). */
    public void resume(String reason) {
        set(TradingFlagName.STOP, false, reason, null);
        set(TradingFlagName.PAUSE, false, reason, null);
    }

    /** {@code /dryrun on|off}: an explicit value that beats env {@code DRY_RUN} (or for {@code ttl} when given). */
    public TradingFlag setDryRun(boolean on, String reason, Duration ttl) {
        return set(TradingFlagName.DRY_RUN, on, reason, ttl);
    }

    /** How long {@code name} still lives: empty when it has no TTL or does not exist (for /status and the dashboard). */
    public Optional<Duration> remaining(TradingFlagName name) {
        Long seconds = redis.getExpire(name.key(), TimeUnit.SECONDS);
        return seconds == null || seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
}
