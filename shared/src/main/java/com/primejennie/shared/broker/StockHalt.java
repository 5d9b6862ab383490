package com.primejennie.shared.broker;

import java.time.Instant;

/**
 * New orders for {@code code} are stopped because an order's fate could not be established. Stored in Redis
 * ({@code broker:halt:<code>}) so every process sees it; only an operator clears it.
 */
public record StockHalt(String code, String intentKey, String reason, Instant since) {
}
