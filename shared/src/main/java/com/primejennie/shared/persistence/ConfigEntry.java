package com.primejennie.shared.persistence;

import java.time.LocalDateTime;

/**
 * One row of {@code CONFIG}: a runtime setting (or Scout state) stored as text.
 *
 * @param lastUpdated naive UTC
 */
public record ConfigEntry(String key, String value, String description, LocalDateTime lastUpdated) {
}
