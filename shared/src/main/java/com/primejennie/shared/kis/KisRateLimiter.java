package com.primejennie.shared.kis;

/**
 * The one request budget on a KIS app key, shared by every process of the suite. KIS limits per app key (19 req/s
 * real, 2 req/s paper), so a per-process or per-endpoint limit (the Python gateway's quirk) is not enough.
 */
public interface KisRateLimiter {

    /**
     * Blocks until a slot of the budget is free and takes it; returns the admission (with the limiter's clock).
     *
     * @throws KisException {@link KisErrorKind#NOT_SENT} when no slot freed up within the configured wait
     */
    Admission acquire();

    /** Takes a slot if one is free now, without waiting. */
    Admission tryAcquire();

    /**
     * The priority lane: orders, cancels and settlement reads may also take the share of the budget reserved for
     * them, so chart paging or quote polling never delays a stop-loss. Limiters without a reserve treat both lanes
     * alike.
     */
    default Admission acquire(boolean priority) {
        return acquire();
    }

    /** {@link #tryAcquire()} in the priority lane when {@code priority}. */
    default Admission tryAcquire(boolean priority) {
        return tryAcquire();
    }

    /**
     * One answer of the limiter.
     *
     * @param admitted      whether the caller got a slot
     * @param atMicros      the limiter's own clock (Redis TIME) when it decided, in microseconds
     * @param retryInMicros when not admitted, how long until the oldest slot of the window frees up
     */
    record Admission(boolean admitted, long atMicros, long retryInMicros) {
    }
}
