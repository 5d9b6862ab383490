package com.primejennie.buyscanner.flags;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.TradingFlag;

/**
 * The emergency stop ({@code trading:stop}) and pause ({@code trading:pause}) as the scanner sees them: read with one
 * {@code MGET} at most once per {@code ttl} (Python read both keys on every tick), and <b>fail closed</b>: while the
 * keys cannot be read or parsed the state is {@link State#UNKNOWN}, the scanner publishes nothing and health is DOWN.
 * Thread-safe.
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

    private final Supplier<List<String>> readStopAndPause;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile State state = State.UNKNOWN;
    private volatile String problem = "not read yet";
    private volatile long readAt;
    private volatile boolean everRead;

    /**
     * @param readStopAndPause returns the stored values of {@code trading:stop} and {@code trading:pause} (nulls when
     *                         absent); may throw when Redis is down
     * @param nanoTime         a monotonic time source ({@code System::nanoTime})
     */
    public TradingFlagsCache(Supplier<List<String>> readStopAndPause, Duration ttl, LongSupplier nanoTime) {
        this.readStopAndPause = readStopAndPause;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The current state, read again when the cached one is older than the TTL. */
    public State state() {
        long now = nanoTime.getAsLong();
        if (!everRead || now - readAt >= ttlNanos) {
            refresh(now);
        }
        return state;
    }

    /** Why the state is UNKNOWN, else null. */
    public String problem() {
        return state == State.UNKNOWN ? problem : null;
    }

    private synchronized void refresh(long now) {
        if (everRead && now - readAt < ttlNanos) {
            return;
        }
        State next;
        try {
            List<String> values = readStopAndPause.get();
            TradingFlag stop = TradingFlag.parse(values.get(0));
            TradingFlag pause = TradingFlag.parse(values.get(1));
            next = stop.value() ? State.STOPPED : pause.value() ? State.PAUSED : State.RUNNING;
            problem = null;
        } catch (RuntimeException e) {
            next = State.UNKNOWN;
            problem = e.getMessage();
        }
        if (next != state) {
            if (next == State.UNKNOWN) {
                log.error("cannot read {}/{} ({}): publishing no buy signals until they can be read",
                        TradingFlag.STOP_KEY, TradingFlag.PAUSE_KEY, problem);
            } else {
                log.info("trading flags: {}", next);
            }
        }
        state = next;
        readAt = now;
        everRead = true;
    }
}
