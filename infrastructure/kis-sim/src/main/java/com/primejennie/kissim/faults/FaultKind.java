package com.primejennie.kissim.faults;

/**
 * How an injected fault breaks a call. {@code LOST_RESPONSE} is the dangerous one for a trading client: the order is
 * taken (and may fill) but the answer never arrives, so only inquire-daily-ccld tells what happened.
 */
public enum FaultKind {
    /**
     * HTTP 500 with KIS's bare {@code rt_cd:"1"} body (or with the fault's {@code msgCd}, e.g. an unknown gateway
     * code); the request is not processed.
     */
    HTTP_500,
    /** HTTP 500 EGW00201, as if the rate limit were hit; not processed. */
    RATE_LIMIT,
    /** HTTP 500 EGW00123, as if the token had expired; not processed. */
    TOKEN_EXPIRED,
    /** No answer for the hold time, then the connection gets HTTP 504 with no body; not processed. */
    TIMEOUT,
    /** Processed (an order is placed), then no answer for the hold time, then HTTP 504 with no body. */
    LOST_RESPONSE,
    /**
     * The order reaches the exchange only after the client timed out: no answer for the hold time, then the request
     * is processed (the order is placed and shows in today's orders from then on) and the connection gets HTTP 504.
     */
    DELAYED_ACCEPT
}
