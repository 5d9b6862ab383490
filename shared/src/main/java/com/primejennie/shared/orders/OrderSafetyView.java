package com.primejennie.shared.orders;

import java.util.List;
import java.util.Optional;

/**
 * Read-only view of what stops new buys: per-stock halts and the last reconciliation with the broker. Needs only
 * Redis, so every app may use it (the dashboard and the bot, which hold no Broker). Keys are per trading mode and
 * account, as the order service writes them.
 */
public interface OrderSafetyView {

    /** Every stock whose new buys are halted. */
    List<Halt> halts();

    /** The halt on {@code code}, if any. */
    Optional<Halt> halt(String code);

    /** The last reconciliation, if one ran. */
    Optional<Reconciliation> reconciliation();

    /**
     * Why a new buy of {@code code} must not be sent now (halted, or a reconciliation mismatch not yet adopted), or
     * empty when nothing here blocks it. Answers a reason (fail closed) when Redis cannot be read.
     */
    Optional<String> buyBlock(String code);
}
