package com.primejennie.shared.schema;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the background {@link SchemaMigrator} runs ({@code jennie.schema.*}).
 *
 * @param enabled        whether this service migrates the schema at start (every service may; Flyway's lock
 *                       serialises them)
 * @param locations      Flyway script locations
 * @param initialBackoff wait after the first failed attempt (the database is down, or locked by another service)
 * @param maxBackoff     the wait doubles after each failure up to this cap
 */
@ConfigurationProperties("jennie.schema")
public record SchemaProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:db/migration") String locations,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff) {

    public SchemaProperties {
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("jennie.schema.initial-backoff must be positive, was " + initialBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("jennie.schema.max-backoff must be >= initial-backoff ("
                    + initialBackoff + "), was " + maxBackoff);
        }
    }

    /** The defaults, for code that builds a migrator without Spring. */
    public static SchemaProperties defaults() {
        return new SchemaProperties(true, "classpath:db/migration", Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The wait before attempt {@code failures + 1}: initial × 2^(failures − 1), capped. */
    public Duration backoffAfter(int failures) {
        if (failures <= 1) {
            return initialBackoff;
        }
        long factor = 1L << Math.min(failures - 1, 30);
        Duration next = initialBackoff.multipliedBy(factor);
        return next.compareTo(maxBackoff) > 0 || next.isNegative() ? maxBackoff : next;
    }
}
