package com.primejennie.shared.notify;

/**
 * Sends a message to the operator (Telegram in production). Implementations never throw into trading code: a failed
 * delivery is logged and counted, because a lost notification must never stop an order or an exit. The bean apps get
 * is an {@link AsyncNotifier}: it returns at once and delivers from its own thread, so no trading thread waits on
 * Telegram.
 */
public interface Notifier {

    /**
     * Sends {@code text} (Korean, as the spec gives it). Returns whether it was delivered - or, for the asynchronous
     * bean, whether it was accepted for delivery.
     */
    boolean send(String text);

    /** Whether messages can go anywhere at all (false e.g. without a Telegram token): callers may skip work. */
    default boolean canDeliver() {
        return true;
    }

    /**
     * Sends a safety alert that the operator's mute does not silence: an order whose state is unknown, a halted
     * stock, a silent price feed. Muting is for routine chatter; these need a human now.
     */
    default boolean sendCritical(String text) {
        return send(text);
    }
}
