package com.primejennie.shared.messaging;

/** The life of a {@link TradingSignalWorker}, as its health indicator reports it. */
public enum WorkerState {
    NEW, STARTING, RUNNING, RECONNECTING, STOPPING, STOPPED
}
