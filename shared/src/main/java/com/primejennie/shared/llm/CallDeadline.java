package com.primejennie.shared.llm;

import java.time.Duration;

/**
 * The overall time budget of one {@link LlmClient} call, started when the call begins and shared by every HTTP
 * attempt, retry, answer re-ask and provider of the tier. Machinery time: it follows the real (nano) clock, never the
 * market clock.
 */
final class CallDeadline {

    private static final Duration MINIMUM_ATTEMPT = Duration.ofMillis(1);

    private final LlmTier tier;
    private final Duration budget;
    private final long endNanos;
    private int attempts;
    private Throwable lastFailure;

    private CallDeadline(LlmTier tier, Duration budget) {
        this.tier = tier;
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static CallDeadline start(LlmTier tier, Duration budget) {
        return new CallDeadline(tier, budget);
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The timeout of the next HTTP attempt: the provider's timeout, cut to what is left of the budget. */
    Duration cap(Duration timeout) {
        Duration remaining = remaining();
        if (remaining.compareTo(MINIMUM_ATTEMPT) < 0) {
            // Never zero: a zero timeout means "none" to the HTTP client.
            remaining = MINIMUM_ATTEMPT;
        }
        return remaining.compareTo(timeout) < 0 ? remaining : timeout;
    }

    /** Counts an HTTP attempt about to start, failing instead when the budget is gone. */
    synchronized void beginAttempt() {
        if (expired()) {
            throw exceeded();
        }
        attempts++;
    }

    /** Remembers the latest failure, named in the deadline's message. */
    synchronized void failed(Throwable failure) {
        lastFailure = failure;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized LlmDeadlineException exceeded() {
        return new LlmDeadlineException(tier, budget, attempts, lastFailure);
    }
}
