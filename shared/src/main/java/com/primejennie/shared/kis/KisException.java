package com.primejennie.shared.kis;

/**
 * A KIS call that did not succeed, with its {@link KisErrorKind} and, when KIS answered, its {@code msg_cd} and
 * {@code msg1}. Callers decide on {@link #kind()}, never on the message text.
 */
public class KisException extends RuntimeException {

    private final KisErrorKind kind;
    private final String msgCd;
    private final String kisMessage;
    private final int httpStatus;

    public KisException(KisErrorKind kind, String msgCd, String kisMessage, int httpStatus, String message,
                        Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.msgCd = msgCd == null ? "" : msgCd;
        this.kisMessage = kisMessage == null ? "" : kisMessage;
        this.httpStatus = httpStatus;
    }

    public KisException(KisErrorKind kind, String message) {
        this(kind, "", "", 0, message, null);
    }

    public KisException(KisErrorKind kind, String message, Throwable cause) {
        this(kind, "", "", 0, message, cause);
    }

    public KisErrorKind kind() {
        return kind;
    }

    /** KIS's {@code msg_cd}, or "" when KIS did not answer with one. */
    public String msgCd() {
        return msgCd;
    }

    /** KIS's {@code msg1}, or "". */
    public String kisMessage() {
        return kisMessage;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The reason to show an operator: KIS's code and message when there are some. */
    public String reason() {
        return msgCd.isEmpty() ? getMessage() : msgCd + " " + kisMessage;
    }
}
