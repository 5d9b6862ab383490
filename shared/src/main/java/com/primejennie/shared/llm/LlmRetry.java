package com.primejennie.shared.llm;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Bounded retries of one provider with exponential backoff (Spring Framework's {@link RetryTemplate}), only for
 * failures a retry can cure: timeouts, connection errors, HTTP 5xx. A 4xx - bad request, context overflow, missing
 * key, rate limit - is never retried on the same provider; the tier moves on to its next provider instead. Tiers
 * with long timeouts (REASONING, THINKING) do not retry a timeout either: a 600 s timeout tried three times is half
 * an hour.
 *
 * <p>[DEFECT fixed] The Python client retried every error including 4xx and slept after the last attempt too.
 */
final class LlmRetry {

    private static final Logger log = LoggerFactory.getLogger(LlmRetry.class);

    private final RetryTemplate template;
    private final RetryTemplate templateWithoutTimeouts;

    LlmRetry(LlmProperties.RetrySettings settings) {
        this.template = template(settings, true);
        this.templateWithoutTimeouts = template(settings, false);
    }

    private static RetryTemplate template(LlmProperties.RetrySettings settings, boolean retryTimeouts) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1)
                .delay(settings.initialBackoff())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxBackoff())
                .predicate(failure -> retryable(failure, retryTimeouts))
                .build();
        RetryTemplate template = new RetryTemplate(policy);
        template.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy p, Retryable<?> retryable, Throwable failure) {
                log.warn("LLM call failed, will retry if attempts remain: {}", failure.getMessage());
            }
        });
        return template;
    }

    static boolean retryable(Throwable failure) {
        return retryable(failure, true);
    }

    /** Timeouts, 5xx and connection errors; timeouts only when the tier retries them. */
    static boolean retryable(Throwable failure, boolean retryTimeouts) {
        return failure instanceof LlmProviderException provider && provider.retryable()
                && (retryTimeouts || !provider.timedOut());
    }

    <T> T call(Supplier<T> call) {
        return call(call, true);
    }

    /**
     * Runs {@code call} with bounded retries. The call itself checks the overall deadline at each attempt (a
     * {@link LlmDeadlineException} is never retried), so a call may overrun its deadline by one backoff at most.
     */
    <T> T call(Supplier<T> call, boolean retryTimeouts) {
        try {
            return (retryTimeouts ? template : templateWithoutTimeouts).execute(call::get);
        } catch (RetryException e) {
            Throwable last = e.getCause() != null ? e.getCause() : e.getLastException();
            if (last instanceof RuntimeException runtime) {
                return rethrow(runtime, e);
            }
            throw new LlmException("LLM call failed: " + e.getMessage(), e);
        }
    }

    private static <T> T rethrow(RuntimeException last, RetryException e) {
        for (Throwable earlier : e.getExceptions()) {
            if (earlier != last) {
                last.addSuppressed(earlier);
            }
        }
        throw last;
    }
}
