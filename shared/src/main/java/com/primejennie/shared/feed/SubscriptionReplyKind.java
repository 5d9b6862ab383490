package com.primejennie.shared.feed;

import java.util.Map;

/**
 * What KIS's answer to a (un)subscribe request means, read from its {@code msg_cd} (OPSP codes of KIS's real-time
 * server), never from the human text in {@code msg1}: the text differs between servers and releases, and the gateway's
 * text matching took {@code OPSP8996 ALREADY IN USE appkey} (another session holds the app key) for "already
 * subscribed".
 *
 * <p>Codes as KIS documents them: OPSP0000 SUBSCRIBE SUCCESS, 0001 UNSUBSCRIBE SUCCESS, 0002 ALREADY IN SUBSCRIBE, 0003
 * UNSUBSCRIBE ERROR (not found), 0007 SUBSCRIBE INTERNAL ERROR, 0008 MAX SUBSCRIBE OVER, 0009 mci send failed, 0010
 * invalid appkey, 0011 invalid approval (appkey) NOT FOUND, 8991–8998 invalid request fields, 8996 ALREADY IN USE
 * appkey, 8999 resource not available, 9990–9999 JSON parsing errors (9994/9996 about the app key, 9995 resource).
 * An unknown code falls back to {@code rt_cd}: 0 = success, anything else = refused.
 */
public enum SubscriptionReplyKind {

    /** OPSP0000: registered. */
    SUBSCRIBED,
    /** OPSP0001: unregistered. */
    UNSUBSCRIBED,
    /** OPSP0002: KIS already has this registration on the session - as good as a success. */
    ALREADY_SUBSCRIBED,
    /** OPSP0003: nothing to unregister - the registration is gone either way. */
    NOT_SUBSCRIBED,
    /** OPSP0008: the session's registration limit is reached; retried at the next re-plan. */
    LIMIT_REACHED,
    /** The approval key is unknown or invalid: fetch a new key and reconnect. */
    KEY_REFUSED,
    /** OPSP8996: another WebSocket session uses this app key (e.g. the Python gateway still running). */
    APP_KEY_IN_USE,
    /** KIS could not serve the request right now; retried at the next re-plan. */
    SERVER_ERROR,
    /** KIS could not read the request: a bug on our side, retried at the next re-plan and logged as an error. */
    BAD_REQUEST,
    /** An unknown code with {@code rt_cd} 0. */
    OTHER_SUCCESS,
    /** An unknown code with another {@code rt_cd}. */
    OTHER_REFUSAL;

    private static final Map<String, SubscriptionReplyKind> BY_CODE = Map.ofEntries(
            Map.entry("OPSP0000", SUBSCRIBED),
            Map.entry("OPSP0001", UNSUBSCRIBED),
            Map.entry("OPSP0002", ALREADY_SUBSCRIBED),
            Map.entry("OPSP0003", NOT_SUBSCRIBED),
            Map.entry("OPSP0007", SERVER_ERROR),
            Map.entry("OPSP0008", LIMIT_REACHED),
            Map.entry("OPSP0009", SERVER_ERROR),
            Map.entry("OPSP0010", KEY_REFUSED),
            Map.entry("OPSP0011", KEY_REFUSED),
            Map.entry("OPSP8991", BAD_REQUEST),
            Map.entry("OPSP8992", BAD_REQUEST),
            Map.entry("OPSP8993", BAD_REQUEST),
            Map.entry("OPSP8994", BAD_REQUEST),
            Map.entry("OPSP8995", BAD_REQUEST),
            Map.entry("OPSP8996", APP_KEY_IN_USE),
            Map.entry("OPSP8997", BAD_REQUEST),
            Map.entry("OPSP8998", BAD_REQUEST),
            Map.entry("OPSP8999", SERVER_ERROR),
            Map.entry("OPSP9990", BAD_REQUEST),
            Map.entry("OPSP9991", BAD_REQUEST),
            Map.entry("OPSP9992", BAD_REQUEST),
            Map.entry("OPSP9993", SERVER_ERROR),
            Map.entry("OPSP9994", KEY_REFUSED),
            Map.entry("OPSP9995", SERVER_ERROR),
            Map.entry("OPSP9996", KEY_REFUSED),
            Map.entry("OPSP9997", BAD_REQUEST),
            Map.entry("OPSP9998", BAD_REQUEST),
            Map.entry("OPSP9999", BAD_REQUEST),
            // kis-sim's answers for malformed requests (not in KIS's table)
            Map.entry("OPSP0004", BAD_REQUEST),
            Map.entry("OPSP0005", BAD_REQUEST),
            Map.entry("OPSP0006", BAD_REQUEST));

    /** Classifies a reply by its {@code msg_cd}; {@code rtOk} ({@code rt_cd} = 0) decides only for unknown codes. */
    public static SubscriptionReplyKind of(String msgCode, boolean rtOk) {
        SubscriptionReplyKind known = msgCode == null ? null : BY_CODE.get(msgCode.strip().toUpperCase());
        if (known != null) {
            return known;
        }
        return rtOk ? OTHER_SUCCESS : OTHER_REFUSAL;
    }

    /** Classifies {@code reply}. */
    public static SubscriptionReplyKind of(FeedFrame.Reply reply) {
        return of(reply.msgCode(), reply.ok());
    }

    /** Whether KIS now holds the registration the request asked for. */
    public boolean registered() {
        return this == SUBSCRIBED || this == ALREADY_SUBSCRIBED || this == OTHER_SUCCESS;
    }
}
