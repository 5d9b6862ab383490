package com.primejennie.shared.orders;

import java.time.Instant;

/**
 * New buys of {@code code} are stopped because an order's fate could not be established (UNKNOWN). Sells still go
 * out. Lifted by the background settler once the order that caused it is final, or by an operator.
 */
public record Halt(String code, String intentKey, String reason, Instant since) {
}
