package com.primejennie.shared.messaging;

/**
 * When a worker acknowledges a message. The trading streams use {@link #BEFORE_HANDLER} (at-most-once, as the
 * handoff decided) because every money-moving consumer is idempotent and exits are re-derived from held positions;
 * {@link #AFTER_HANDLER} suits idempotent consumers that would rather see a message twice than never (news archiving).
 */
public enum AckMode {
    /** XACK first; the handler runs only if this worker's XACK removed the entry (returned 1). */
    BEFORE_HANDLER,
    /** Handler first; XACK after it returned or after the message was dead-lettered. A crash leaves it pending. */
    AFTER_HANDLER
}
