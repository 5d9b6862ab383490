package com.primejennie.shared.broker;

/** The outcome of {@link Broker#cancel}: CANCELLED, REJECTED (KIS refused, e.g. already filled) or UNKNOWN. */
public record CancelResult(Status status, String reason) {

    public enum Status { CANCELLED, REJECTED, UNKNOWN }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }
}
