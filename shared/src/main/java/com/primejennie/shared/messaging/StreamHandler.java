package com.primejennie.shared.messaging;

/**
 * What a service does with one message — the only code a consumer writes. The worker owns the thread, the offsets,
 * acknowledgement and errors: a handler that throws has its message dead-lettered ({@code <stream>:dead}, reason
 * "handler-failed") and the worker goes on with the next one. Handlers run one at a time, in stream order.
 */
@FunctionalInterface
public interface StreamHandler<T> {

    void onMessage(ReceivedMessage<T> message) throws Exception;
}
