package com.primejennie.shared.settings;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable set of known settings: {@link SettingKeys} plus any keys a service contributes (as
 * {@code SettingKey} beans). A name is registered once; asking for an unknown name is an error that names it.
 */
public final class SettingsRegistry {

    private final Map<String, SettingKey<?>> keys;

    public SettingsRegistry(Collection<? extends SettingKey<?>> keys) {
        Map<String, SettingKey<?>> byName = new LinkedHashMap<>();
        for (SettingKey<?> key : keys) {
            SettingKey<?> previous = byName.putIfAbsent(key.name(), key);
            if (previous != null && !previous.equals(key)) {
                throw new IllegalArgumentException("setting " + key.name() + " is registered twice with different "
                        + "definitions: " + previous + " and " + key);
            }
        }
        this.keys = Collections.unmodifiableMap(byName);
    }

    /** The built-in catalogue only. */
    public static SettingsRegistry standard() {
        return new SettingsRegistry(SettingKeys.all());
    }

    /** The key named {@code name}; an unknown name is an error naming it. */
    public SettingKey<?> require(String name) {
        SettingKey<?> key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("unknown setting '" + name + "' (not in the settings registry)");
        }
        return key;
    }

    public boolean contains(String name) {
        return keys.containsKey(name);
    }

    /** All keys, in registration order. */
    public List<SettingKey<?>> keys() {
        return List.copyOf(keys.values());
    }
}
