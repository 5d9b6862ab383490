package com.primejennie.shared.persistence;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated {@link ScratchDatabase} for one test class on the real MariaDB: created before all tests, the named
 * tables emptied before each, dropped after all. Register it with {@code @RegisterExtension static final}.
 */
public final class MigratedDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String purpose;
    private final List<String> emptiedBeforeEach;
    private ScratchDatabase database;
    private JdbcClient jdbc;

    private MigratedDatabase(String purpose, List<String> emptiedBeforeEach) {
        this.purpose = purpose;
        this.emptiedBeforeEach = emptiedBeforeEach;
    }

    /** A database named after {@code purpose}, whose {@code tables} start every test empty. */
    public static MigratedDatabase emptyingBeforeEach(String purpose, String... tables) {
        return new MigratedDatabase(purpose, List.of(tables));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = ScratchDatabase.migrated(purpose);
        jdbc = database.jdbc();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emptiedBeforeEach.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }
}
