package com.primejennie.shared.messaging;

import java.time.Duration;

/**
 * What a worker's health indicator reads — its state, since when it has been reconnecting, the last error — written
 * by the loop thread and read from any thread, kept apart so the loop's bookkeeping is in one place.
 */
final class WorkerHealth {

    private volatile WorkerState state = WorkerState.NEW;
    private volatile long reconnectingSince;
    private volatile String lastError;

    WorkerState state() {
        return state;
    }

    void state(WorkerState state) {
        this.state = state;
    }

    String lastError() {
        return lastError;
    }

    void lastError(String lastError) {
        this.lastError = lastError;
    }

    /** Connected again: no reconnect in progress, no error. */
    void connected() {
        reconnectingSince = 0;
        lastError = null;
    }

    /**
     * The loop ended. The reconnect clock is cleared too, so a worker started again does not count the time it was
     * stopped as time spent reconnecting (which would report it unhealthy at its first failed connect).
     */
    void stopped() {
        reconnectingSince = 0;
        state = WorkerState.STOPPED;
    }

    /** A connection failed: starts the reconnect clock (if not running yet) and records the error. */
    void reconnecting(String error) {
        if (reconnectingSince == 0) {
            reconnectingSince = System.nanoTime();
        }
        state = WorkerState.RECONNECTING;
        lastError = error;
    }

    WorkerStatus status(String stream, String group, String consumer, Duration unhealthyAfter) {
        long since = reconnectingSince;
        Duration reconnecting = state == WorkerState.RECONNECTING && since != 0
                ? Duration.ofNanos(System.nanoTime() - since) : Duration.ZERO;
        return new WorkerStatus(stream, group, consumer, state, reconnecting, unhealthyAfter, lastError);
    }
}
