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
 * key, rate limit - is never retried on the same provider; the tier moves on to its next provider instead.
 *
 * <p>[DEFECT fixed] The Python client retried every error including 4xx and slept after the last attempt too.
 */
final class LlmRetry {

    private static final Logger log = LoggerFactory.getLogger(LlmRetry.class);

    private final RetryTemplate template;

    LlmRetry(LlmProperties.RetrySettings settings) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1)
                .delay(settings.initialBackoff())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxBackoff())
                .predicate(LlmRetry::retryable)
                .build();
        this.template = new RetryTemplate(policy);
        this.template.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy p, Retryable<?> retryable, Throwable failure) {
                log.warn("LLM call failed, will retry if attempts remain: {}", failure.getMessage());
            }
        });
    }

    static boolean retryable(Throwable failure) {
        return failure instanceof LlmProviderException provider && provider.retryable();
    }

    <T> T call(Supplier<T> call) {
        try {
            return template.execute(call::get);
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
