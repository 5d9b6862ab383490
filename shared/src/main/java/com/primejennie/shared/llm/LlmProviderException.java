package com.primejennie.shared.llm;

/**
 * A provider could not be used for this call: an HTTP error, a timeout, a refused connection, a malformed body.
 * {@link #retryable()} is true only for timeouts, connection errors and HTTP 5xx, never for a 4xx; {@link #timedOut()}
 * tells a timeout apart.
 */
public class LlmProviderException extends LlmException {

    private final String provider;
    private final int status;
    private final boolean retryable;
    private final boolean timedOut;

    public LlmProviderException(String provider, int status, boolean retryable, String message, Throwable cause) {
        this(provider, status, retryable, false, message, cause);
    }

    public LlmProviderException(String provider, int status, boolean retryable, boolean timedOut, String message,
                                Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.status = status;
        this.retryable = retryable;
        this.timedOut = timedOut;
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** No answer arrived within the HTTP timeout (the long tiers do not retry these). */
    public boolean timedOut() {
        return timedOut;
    }
}
