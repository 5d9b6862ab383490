package com.primejennie.shared.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A partial {@link StreamSettings}: the values an operator set for all streams or for one stream; {@code null} means
 * "keep what is below". Bound from {@code jennie.messaging.defaults.*} and {@code jennie.messaging.streams[<stream>].*}.
 */
public record StreamOverrides(Long maxLen, Long deadLetterMaxLen, String startId, Duration maxAge, Integer batchSize,
                              Duration block, AckMode ackMode, Duration claimIdle, Duration housekeepingInterval,
                              Duration consumerGoneAfter, Duration reconnectBase, Duration reconnectMax,
                              Duration unhealthyAfter, Duration stopTimeout, Integer maxAttempts,
                              Duration retryBackoff) {

    /** Overrides nothing. */
    public static final StreamOverrides NONE = new StreamOverrides(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    /** The canonical constructor is the one bound from properties. */
    @ConstructorBinding
    public StreamOverrides {
    }

    /** Overrides without the retry values ({@code maxAttempts}, {@code retryBackoff} kept from below). */
    public StreamOverrides(Long maxLen, Long deadLetterMaxLen, String startId, Duration maxAge, Integer batchSize,
                           Duration block, AckMode ackMode, Duration claimIdle, Duration housekeepingInterval,
                           Duration consumerGoneAfter, Duration reconnectBase, Duration reconnectMax,
                           Duration unhealthyAfter, Duration stopTimeout) {
        this(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle, housekeepingInterval,
                consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout, null, null);
    }

    public StreamOverrides withMaxLen(Long v) {
        return new StreamOverrides(v, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, retryBackoff);
    }

    public StreamOverrides withStartId(String v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, v, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, retryBackoff);
    }

    public StreamOverrides withMaxAge(Duration v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, v, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, retryBackoff);
    }

    public StreamOverrides withBatchSize(Integer v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, v, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, retryBackoff);
    }

    public StreamOverrides withAckMode(AckMode v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, v, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, retryBackoff);
    }

    public StreamOverrides withMaxAttempts(Integer v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                v, retryBackoff);
    }

    public StreamOverrides withRetryBackoff(Duration v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, v);
    }

    public StreamOverrides withClaimIdle(Duration v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, v,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout,
                maxAttempts, retryBackoff);
    }

    public StreamOverrides withConsumerGoneAfter(Duration v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, v, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout, maxAttempts,
                retryBackoff);
    }
}
