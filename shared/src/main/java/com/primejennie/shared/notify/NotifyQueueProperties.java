package com.primejennie.shared.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The asynchronous notification queue ({@code jennie.notify.queue.*}) in front of Telegram; see {@link AsyncNotifier}.
 *
 * @param capacity     messages that may wait; when full, the oldest non-critical message is dropped
 * @param drainTimeout how long shutdown waits for waiting messages to go out
 */
@ConfigurationProperties("jennie.notify.queue")
public record NotifyQueueProperties(@DefaultValue("500") int capacity, @DefaultValue("10s") Duration drainTimeout) {

    public NotifyQueueProperties {
        if (capacity < 1) {
            throw new IllegalArgumentException("jennie.notify.queue.capacity must be at least 1, was " + capacity);
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("jennie.notify.queue.drain-timeout must not be negative, was "
                    + drainTimeout);
        }
    }

    /** The defaults, for code and tests outside Spring. */
    public static NotifyQueueProperties defaults() {
        return new NotifyQueueProperties(500, Duration.ofSeconds(10));
    }
}
