package com.primejennie.shared.schema;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code schema}: DOWN until {@link SchemaMigrator} has brought the schema up to date, so a service is not
 * "ready" while the tables it writes may be missing.
 */
public final class SchemaHealthIndicator implements HealthIndicator {

    private final SchemaMigrator migrator;

    public SchemaHealthIndicator(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public Health health() {
        SchemaMigrator.Status status = migrator.status();
        Health.Builder builder = status.state() == SchemaMigrator.State.MIGRATED ? Health.up() : Health.down();
        builder.withDetail("state", status.state().name());
        if (status.schemaVersion() != null) {
            builder.withDetail("version", status.schemaVersion());
        }
        if (status.failedAttempts() > 0) {
            builder.withDetail("failedAttempts", status.failedAttempts());
        }
        if (status.lastError() != null) {
            builder.withDetail("lastError", status.lastError());
        }
        return builder.build();
    }
}
