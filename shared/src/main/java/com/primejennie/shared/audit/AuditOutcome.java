package com.primejennie.shared.audit;

/** What became of an operator command, as stored in {@code COMMAND_AUDIT.OUTCOME}. */
public enum AuditOutcome {
    /** Done as asked (a flag set, an order published, a query answered). */
    EXECUTED,
    /** Refused on its merits: argument error, confirmation missing, unknown stock, not held, nothing to do. */
    REJECTED,
    /** From a chat or user that is not allowed; nothing ran. */
    UNAUTHORIZED,
    /** Too soon after the previous command of the same chat, or the limit counters could not be read. */
    RATE_LIMITED,
    /** The daily manual-trade limit is used up. */
    LIMIT_REACHED,
    /** It threw, or a system it needs did not answer. */
    FAILED
}
