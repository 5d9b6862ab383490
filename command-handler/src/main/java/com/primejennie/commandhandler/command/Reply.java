package com.primejennie.commandhandler.command;

import com.primejennie.shared.audit.AuditOutcome;

/**
 * What a command answers (Korean, suite markup: {@code *bold*}, {@code `code`}) and how it is audited.
 *
 * @param detail a short audit note; null = the reply's first line
 */
public record Reply(String text, AuditOutcome outcome, String detail) {

    /** Done as asked. */
    public static Reply done(String text) {
        return new Reply(text, AuditOutcome.EXECUTED, null);
    }

    /** Done, with an audit note (the stream message id of an order). */
    public static Reply done(String text, String detail) {
        return new Reply(text, AuditOutcome.EXECUTED, detail);
    }

    /** Refused on its merits: usage, confirmation needed, unknown stock. */
    public static Reply rejected(String text) {
        return new Reply(text, AuditOutcome.REJECTED, null);
    }

    public static Reply failed(String text) {
        return new Reply(text, AuditOutcome.FAILED, null);
    }

    public static Reply of(AuditOutcome outcome, String text) {
        return new Reply(text, outcome, null);
    }

    /** The audit note: {@link #detail} or the first non-blank line of the text. */
    public String auditDetail() {
        if (detail != null) {
            return detail;
        }
        return text == null ? null : text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }
}
