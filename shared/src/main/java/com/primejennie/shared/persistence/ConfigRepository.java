package com.primejennie.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;

/**
 * The {@code CONFIG} table (never mode-suffixed): runtime settings as strings, read by
 * {@code com.primejennie.shared.settings.RuntimeSettings} and edited through the dashboard.
 */
public class ConfigRepository {

    /** {@code CONFIG_KEY} is VARCHAR(100). */
    public static final int KEY_MAX = 100;

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public ConfigRepository(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored value of {@code key}, or empty when there is no row. */
    public Optional<String> findValue(String key) {
        return jdbc.sql("SELECT CONFIG_VALUE FROM CONFIG WHERE CONFIG_KEY = ?").param(requireKey(key))
                .query(String.class).optional();
    }

    public Optional<ConfigEntry> find(String key) {
        return jdbc.sql("SELECT * FROM CONFIG WHERE CONFIG_KEY = ?").param(requireKey(key)).query(this::map)
                .optional();
    }

    public List<ConfigEntry> findAll() {
        return jdbc.sql("SELECT * FROM CONFIG ORDER BY CONFIG_KEY").query(this::map).list();
    }

    /** Stores {@code value} under {@code key} with {@code LAST_UPDATED} = now (UTC); keeps the description if null. */
    public void upsert(String key, String value, String description) {
        if (value == null) {
            throw new IllegalArgumentException("CONFIG value of " + key + " must not be null (CONFIG_VALUE is NOT NULL)");
        }
        jdbc.sql("""
                INSERT INTO CONFIG (CONFIG_KEY, CONFIG_VALUE, DESCRIPTION, LAST_UPDATED) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE CONFIG_VALUE = VALUES(CONFIG_VALUE),
                    DESCRIPTION = COALESCE(VALUES(DESCRIPTION), DESCRIPTION), LAST_UPDATED = VALUES(LAST_UPDATED)""")
                .params(requireKey(key), value, description, clock.nowUtcNaive())
                .update();
    }

    /** Removes {@code key}; returns whether it existed. */
    public boolean delete(String key) {
        return jdbc.sql("DELETE FROM CONFIG WHERE CONFIG_KEY = ?").param(requireKey(key)).update() > 0;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > KEY_MAX) {
            throw new IllegalArgumentException("CONFIG key must be 1-" + KEY_MAX + " characters, was '" + key + "'");
        }
        return key;
    }

    private ConfigEntry map(ResultSet rs, int row) throws SQLException {
        return new ConfigEntry(rs.getString("CONFIG_KEY"), rs.getString("CONFIG_VALUE"), rs.getString("DESCRIPTION"),
                Rows.timestamp(rs, "LAST_UPDATED"));
    }
}
