package com.primejennie.shared.messaging;

/**
 * A publish that did not confirm. {@link #maybeWritten()} tells the caller whether the entry might still be in the
 * stream (the command was sent but its answer was lost), so it never retries an order blindly.
 */
public class PublishException extends RuntimeException {

    private final String stream;
    private final boolean maybeWritten;

    public PublishException(String stream, boolean maybeWritten, String message, Throwable cause) {
        super(message, cause);
        this.stream = stream;
        this.maybeWritten = maybeWritten;
    }

    public String stream() {
        return stream;
    }

    /** {@code false} only when the entry was certainly not written (no connection, or Redis refused the command). */
    public boolean maybeWritten() {
        return maybeWritten;
    }
}
