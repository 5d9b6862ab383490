package com.primejennie.shared.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.schema.SchemaProperties;
import com.primejennie.shared.testing.RealServices;

/**
 * A database of its own on the real MariaDB, for tests that must start from a known schema (empty, Python-era, or
 * migrated); dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;

    private ScratchDatabase(String name) {
        this.name = name;
        this.jdbcUrl = RealServices.database().rootJdbcUrl() + name;
    }

    /** An empty utf8mb4 database. */
    public static ScratchDatabase create(String purpose) {
        String name = "jennie_scratch_" + purpose + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(
                0x100000, 0xFFFFFF));
        executeAsRoot("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new ScratchDatabase(name);
    }

    /** An empty database with the Flyway schema applied. */
    public static ScratchDatabase migrated(String purpose) {
        ScratchDatabase db = create(purpose);
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), SchemaProperties.defaults());
        if (!migrator.migrateOnce()) {
            throw new IllegalStateException("migration of " + db.name + " failed: " + migrator.status().lastError());
        }
        return db;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A new non-pooling DataSource on this database. */
    public DataSource dataSource() {
        var endpoint = RealServices.database();
        return new DriverManagerDataSource(jdbcUrl, endpoint.user(), endpoint.password());
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    @Override
    public void close() {
        executeAsRoot("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private static void executeAsRoot(String sql) {
        var endpoint = RealServices.database();
        try (Connection connection = DriverManager.getConnection(endpoint.rootJdbcUrl(), endpoint.user(),
                endpoint.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
