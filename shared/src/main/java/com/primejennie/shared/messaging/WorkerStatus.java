package com.primejennie.shared.messaging;

import java.time.Duration;

/**
 * A snapshot of one worker for health and dashboards.
 *
 * @param reconnectingFor how long the worker has been trying to reconnect ({@link Duration#ZERO} when connected)
 * @param lastError       the last connection or loop error, or {@code null}
 */
public record WorkerStatus(String stream, String group, String consumer, WorkerState state, Duration reconnectingFor,
                           Duration unhealthyAfter, String lastError) {

    /** Healthy while running, or while reconnecting for less than {@code unhealthyAfter}. */
    public boolean healthy() {
        return switch (state) {
            case RUNNING, STARTING -> true;
            case RECONNECTING -> reconnectingFor.compareTo(unhealthyAfter) < 0;
            case NEW, STOPPING, STOPPED -> false;
        };
    }
}
