package com.primejennie.shared.feed;

import java.util.List;

import com.primejennie.shared.messaging.TradingSignalPublisher;

/**
 * Publishes execution notices to {@code kis:fills} in the suite's message format: one field {@code payload} holding a
 * UTF-8 JSON object (see {@link FillNotice#toPayload()}), so executors read it with a {@code TradingSignalWorker} like
 * any other stream. Trimmed with {@code MAXLEN ~} by the shared publisher.
 */
public final class StreamFillPublisher implements FillPublisher {

    private final TradingSignalPublisher<Object> stream;

    public StreamFillPublisher(TradingSignalPublisher<Object> stream) {
        this.stream = stream;
    }

    @Override
    public void publish(List<FillNotice> notices) {
        for (FillNotice notice : notices) {
            stream.publish(notice.toPayload());
        }
    }
}
