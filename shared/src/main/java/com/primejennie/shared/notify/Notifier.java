package com.primejennie.shared.notify;

/**
 * Sends a message to the operator (Telegram in production). Implementations never throw into trading code: a failed
 * delivery is logged and counted, because a lost notification must never stop an order or an exit.
 */
public interface Notifier {

    /** Sends {@code text} (Korean, as the spec gives it). Returns whether it was delivered. */
    boolean send(String text);

    /**
     * Sends a safety alert that the operator's mute does not silence: an order whose state is unknown, a halted
     * stock, a silent price feed. Muting is for routine chatter; these need a human now.
     */
    default boolean sendCritical(String text) {
        return send(text);
    }
}
