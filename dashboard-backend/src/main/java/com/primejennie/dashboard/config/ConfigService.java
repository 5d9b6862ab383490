package com.primejennie.dashboard.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.ApiException;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.persistence.ConfigRepository;
import com.primejennie.shared.settings.InvalidSettingException;
import com.primejennie.shared.settings.ResolvedSetting;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKey;

/**
 * The settings registry for the config page: every key with its effective value and source, and writes into
 * {@code CONFIG} after the registry has checked the type and refused sensitive or unknown keys. Running services see
 * a write when their 300 s cache of that key expires (a db_priority key always; an env-first key only when no env
 * value is set for it).
 */
@Service
public class ConfigService {

    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);

    private final RuntimeSettings settings;
    private final ConfigRepository config;

    public ConfigService(RuntimeSettings settings, ConfigRepository config) {
        this.settings = settings;
        this.config = config;
    }

    public List<Map<String, Object>> list() {
        return settings.registry().keys().stream()
                .sorted(Comparator.comparing((SettingKey<?> k) -> k.category()).thenComparing(SettingKey::name))
                .map(k -> item(settings.resolve(k.name()))).toList();
    }

    public Map<String, Object> update(String key, Object value, String description) {
        if (!settings.registry().contains(key)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Unknown config key: " + key);
        }
        String normalised;
        try {
            normalised = settings.validate(key, value == null ? null : value.toString());
        } catch (InvalidSettingException | IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        try {
            config.upsert(key, normalised, description);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "CONFIG 저장 실패: " + e.getMessage(), e);
        }
        settings.invalidate(key);
        log.info("setting {} set to '{}' through the dashboard", key, normalised);
        return item(settings.resolve(key));
    }

    /** The effective values for {@code /api/settings/factors}. */
    public List<Map<String, Object>> factors() {
        return settings.registry().keys().stream().filter(k -> !k.sensitive())
                .sorted(Comparator.comparing((SettingKey<?> k) -> k.category()).thenComparing(SettingKey::name))
                .map(k -> Shape.of("key", k.name(), "value", effective(k), "desc", k.description(),
                        "category", k.category())).toList();
    }

    private Object effective(SettingKey<?> key) {
        try {
            return settings.get(key);
        } catch (RuntimeException e) {
            return key.defaultValue();
        }
    }

    static Map<String, Object> item(ResolvedSetting s) {
        return Shape.of("key", s.key(), "value", s.value(), "default", s.defaultValue(), "type", s.type(),
                "category", s.category(), "description", s.description(), "source", s.source(),
                "env_value", s.envValue(), "db_value", s.dbValue(), "sensitive", s.sensitive(),
                "db_priority", s.dbPriority());
    }
}
