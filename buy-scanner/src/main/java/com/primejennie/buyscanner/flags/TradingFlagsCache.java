package com.primejennie.buyscanner.flags;

import java.time.Duration;
import java.time.InstantSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.trading.TradingFlags;
import com.primejennie.shared.trading.TradingFlagsUnavailableException;

/**
 * The emergency stop ({@code trading:stop}) and pause ({@code trading:pause}) as the scanner sees them, read through
 * the shared {@link TradingFlags} (the one reader of those keys, which the bot and the dashboard write): at most one
 * Redis read per key per cache TTL (Python read both keys on every tick), and <b>fail closed</b>: while a key cannot be
 * read or parsed the state is {@link State#UNKNOWN}, the scanner publishes nothing and health is DOWN. Use
 * {@link #failClosedFlags} to build the reader: it uses no stale value when Redis fails (the shared default keeps a
 * read for 30 s, which suits exits, not buys). Thread-safe.
 */
public final class TradingFlagsCache {

    /** What the flags allow. */
    public enum State {
        RUNNING, PAUSED, STOPPED, UNKNOWN;

        public boolean allowsSignals() {
            return this == RUNNING;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TradingFlagsCache.class);

    private final TradingFlags flags;
    private volatile State state = State.UNKNOWN;
    private volatile String problem = "not read yet";

    public TradingFlagsCache(TradingFlags flags) {
        this.flags = flags;
    }

    /**
     * The shared reader as the scanner needs it: reads cached for {@code ttl}, and no stale value used when Redis
     * cannot be read (stale limit 0), so an unreadable key is UNKNOWN at the first read after the TTL.
     */
    public static TradingFlags failClosedFlags(StringRedisTemplate redis, MarketClock clock, Duration ttl) {
        return new TradingFlags(redis, clock, InstantSource.system(), ttl, Duration.ZERO);
    }

    /** The current state (the shared reader decides when Redis is asked again). */
    public State state() {
        State next;
        String why = null;
        try {
            next = flags.isStopped() ? State.STOPPED : flags.isPaused() ? State.PAUSED : State.RUNNING;
        } catch (TradingFlagsUnavailableException e) {
            next = State.UNKNOWN;
            why = e.getMessage();
        }
        if (next != state) {
            transition(next, why);
        } else if (next == State.UNKNOWN) {
            problem = why;
        }
        return next;
    }

    private synchronized void transition(State next, String why) {
        if (next == state) {
            return;
        }
        problem = why;
        if (next == State.UNKNOWN) {
            log.error("cannot read {}/{} ({}): publishing no buy signals until they can be read",
                    TradingFlag.STOP_KEY, TradingFlag.PAUSE_KEY, why);
        } else {
            log.info("trading flags: {}", next);
        }
        state = next;
    }

    /** Why the state is UNKNOWN, else null. */
    public String problem() {
        return state == State.UNKNOWN ? problem : null;
    }
}
