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

    private KisErrorClassifier() {
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
