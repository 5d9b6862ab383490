package com.primejennie.shared.kis;

/**
 * What went wrong with a KIS call, decided from KIS's {@code msg_cd} (KIS sends the rate error and the token errors
 * as HTTP 500, so the status alone says little). The kind tells a caller whether an order may have been placed.
 */
public enum KisErrorKind {
    /** KIS answered and refused (rt_cd != 0, a business msg_cd): nothing happened; not a breaker failure. */
    REJECTED(false, false),
    /** EGW00201, too many requests per second: refused before processing. Reads retry; orders never. */
    RATE_LIMITED(false, false),
    /** EGW00121/EGW00123: the access token is invalid or expired; refused before processing. */
    TOKEN_EXPIRED(false, false),
    /** A token could not be obtained (KIS's one-per-minute issuance limit, EGW00133, or a failed issuance). */
    TOKEN_UNAVAILABLE(false, false),
    /** The request never left this process (connect refused, breaker open, rate budget wait exceeded). */
    NOT_SENT(false, false),
    /** The breaker is open: the call was not attempted. */
    CIRCUIT_OPEN(false, false),
    /** HTTP 5xx or an unreadable body without a KIS msg_cd: KIS may have processed it. Breaker failure. */
    SERVER_ERROR(true, true),
    /** Timeout or connection lost after the request was sent: KIS may have processed it. Breaker failure. */
    TRANSPORT(true, true);

    private final boolean outcomeUnknown;
    private final boolean breakerFailure;

    KisErrorKind(boolean outcomeUnknown, boolean breakerFailure) {
        this.outcomeUnknown = outcomeUnknown;
        this.breakerFailure = breakerFailure;
    }

    /** True when an order sent with this result may or may not have reached KIS. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** True when the circuit breaker counts this as a failure of KIS. */
    public boolean breakerFailure() {
        return breakerFailure;
    }
}
