package com.primejennie.shared.messaging;

import java.time.Duration;

/**
 * A partial {@link StreamSettings}: the values an operator set for all streams or for one stream; {@code null} means
 * "keep what is below". Bound from {@code jennie.messaging.defaults.*} and {@code jennie.messaging.streams[<stream>].*}.
 */
public record StreamOverrides(Long maxLen, Long deadLetterMaxLen, String startId, Duration maxAge, Integer batchSize,
                              Duration block, AckMode ackMode, Duration claimIdle, Duration housekeepingInterval,
                              Duration consumerGoneAfter, Duration reconnectBase, Duration reconnectMax,
                              Duration unhealthyAfter, Duration stopTimeout) {

    /** Overrides nothing. */
    public static final StreamOverrides NONE = new StreamOverrides(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    public StreamOverrides withMaxLen(Long v) {
        return new StreamOverrides(v, deadLetterMaxLen, startId, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout);
    }

    public StreamOverrides withStartId(String v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, v, maxAge, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout);
    }

    public StreamOverrides withMaxAge(Duration v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, v, batchSize, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout);
    }

    public StreamOverrides withBatchSize(Integer v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, v, block, ackMode, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout);
    }

    public StreamOverrides withAckMode(AckMode v) {
        return new StreamOverrides(maxLen, deadLetterMaxLen, startId, maxAge, batchSize, block, v, claimIdle,
                housekeepingInterval, consumerGoneAfter, reconnectBase, reconnectMax, unhealthyAfter, stopTimeout);
    }
}
