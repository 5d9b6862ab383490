package com.primejennie.shared.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * A call used up its tier's overall deadline ({@code jennie.llm.tiers.<tier>.deadline}) across retries, answer
 * re-asks and failover, so the caller gets a clear answer after about the deadline instead of after retries times
 * timeout. The failures on the way are attached as suppressed exceptions.
 */
public class LlmDeadlineException extends LlmException {

    private final LlmTier tier;
    private final Duration deadline;
    private final int attempts;

    public LlmDeadlineException(LlmTier tier, Duration deadline, int attempts, Throwable last) {
        super("LLM tier " + tier + " gave no usable answer within its overall deadline of " + format(deadline)
                + " (jennie.llm.tiers." + tier.name().toLowerCase(Locale.ROOT) + ".deadline) after " + attempts
                + " HTTP attempt(s)" + (last == null ? "" : "; last failure: " + last.getMessage()), last);
        this.tier = tier;
        this.deadline = deadline;
        this.attempts = attempts;
    }

    public LlmTier tier() {
        return tier;
    }

    public Duration deadline() {
        return deadline;
    }

    /** HTTP calls made for this request, across providers, retries and re-asks. */
    public int attempts() {
        return attempts;
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
