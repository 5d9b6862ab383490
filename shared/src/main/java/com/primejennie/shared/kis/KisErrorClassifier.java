package com.primejennie.shared.kis;

import java.util.Optional;
import java.util.Set;

/**
 * Decides from KIS's answer whether a call succeeded and, if not, what kind of failure it was — by {@code msg_cd},
 * not by HTTP status: KIS sends the rate error ({@code EGW00201}) and the token errors as HTTP 500, and a business
 * rejection must never count as a server failure (or a run of rejected orders would lock out stop-loss sells).
 */
public final class KisErrorClassifier {

    /** Too many requests per second. */
    public static final String RATE_LIMIT = "EGW00201";
    /** Invalid token, expired token. */
    public static final Set<String> TOKEN_EXPIRED = Set.of("EGW00121", "EGW00123");
    /** Token issued too recently (KIS: one per minute). */
    public static final String TOKEN_ISSUE_THROTTLED = "EGW00133";

    /**
     * Business refusals of an order that KIS (or kis-sim, in KIS's style) answers with any HTTP status: the order was
     * refused and does not exist. Any other code on a non-2xx answer leaves an order's fate unknown.
     */
    public static final Set<String> KNOWN_ORDER_REJECTIONS = Set.of(
            "APBK0952", "APBK0919", "APBK0986", "APBK0656", "APBK1664", "APBK0507", "APBK0506", "APBK0440",
            "APBK0918", "APBK0529", "APBK0530", "APBK0013", "APBK0017", "APBK1680", "APBK1681", "OPSQ2000",
            "OPSQ0002", "40310000", "40570000", "40580000");

    private KisErrorClassifier() {
    }

    /**
     * As {@link #classify}, stricter for orders: {@code REJECTED} only for {@code rt_cd != 0} on HTTP 2xx or a code in
     * {@link #KNOWN_ORDER_REJECTIONS}; an unknown gateway code or any other non-2xx answer is
     * {@link KisErrorKind#SERVER_ERROR} (the order may exist). The rate and token codes keep their meaning (refused
     * before processing).
     */
    public static Optional<KisErrorKind> classifyOrder(KisResponse response) {
        Optional<KisErrorKind> kind = classify(response);
        if (kind.isEmpty() || kind.get() != KisErrorKind.REJECTED) {
            return kind;
        }
        boolean ok2xx = response.status() >= 200 && response.status() < 300;
        if ((ok2xx && response.hasKisBody() && !response.rtCd().isEmpty() && !response.rtCd().equals("0"))
                || KNOWN_ORDER_REJECTIONS.contains(response.msgCd())) {
            return kind;
        }
        return Optional.of(KisErrorKind.SERVER_ERROR);
    }

    /** Empty when the call succeeded ({@code rt_cd == "0"}), otherwise the kind of failure. */
    public static Optional<KisErrorKind> classify(KisResponse response) {
        if (response.hasKisBody()) {
            String rtCd = response.rtCd();
            String msgCd = response.msgCd();
            if (rtCd.equals("0") && response.status() < 400) {
                return Optional.empty();
            }
            if (RATE_LIMIT.equals(msgCd)) {
                return Optional.of(KisErrorKind.RATE_LIMITED);
            }
            if (TOKEN_EXPIRED.contains(msgCd)) {
                return Optional.of(KisErrorKind.TOKEN_EXPIRED);
            }
            if (TOKEN_ISSUE_THROTTLED.equals(msgCd)) {
                return Optional.of(KisErrorKind.TOKEN_UNAVAILABLE);
            }
            if (!msgCd.isEmpty()) {
                return Optional.of(KisErrorKind.REJECTED);
            }
            if (!rtCd.isEmpty() && !rtCd.equals("0") && response.status() < 500) {
                return Optional.of(KisErrorKind.REJECTED);
            }
        }
        if (response.status() >= 500) {
            return Optional.of(KisErrorKind.SERVER_ERROR);
        }
        if (response.status() >= 400) {
            // An HTML 404 or 400 without KIS's fields: refused before anything happened.
            return Optional.of(KisErrorKind.REJECTED);
        }
        // 2xx without a readable KIS answer: we cannot know what happened.
        return Optional.of(KisErrorKind.SERVER_ERROR);
    }
}
