package com.primejennie.commandhandler.settings;

import com.primejennie.shared.persistence.ConfigRepository;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKey;

/**
 * Writes an operator setting where the services read it: the {@code CONFIG} row of its registry key (db-first keys,
 * no TTL), then forgets this process's cached value. Other services see it within their settings cache (300 s).
 */
public class SettingWriter {

    private final ConfigRepository config;
    private final RuntimeSettings settings;

    public SettingWriter(ConfigRepository config, RuntimeSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    public <T> void write(SettingKey<T> key, String value, String operator) {
        String normalised = settings.validate(key.name(), value);
        config.upsert(key.name(), normalised, key.description() + " (last set by " + operator + ")");
        settings.invalidate(key.name());
    }

    public <T> T read(SettingKey<T> key) {
        return settings.get(key);
    }
}
