package com.primejennie.shared.settings;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One runtime setting of the registry: its name (the env variable and {@code CONFIG_KEY}), type, default, category
 * and lookup order. Typed, so {@code settings.get(SettingKeys.MAX_BUY_COUNT_PER_DAY)} is an {@code Integer}.
 *
 * @param defaultValue the value that took effect in the Python suite when nothing else was set (see
 *                     {@link SettingKeys} for each decision)
 * @param dbPriority   {@code CONFIG} table before env (operator-tunable keys); otherwise env before {@code CONFIG}
 * @param sensitive    a secret: read from env or the secrets file only, never from {@code CONFIG}, masked in reports
 * @param <T>          the Java type
 */
public record SettingKey<T>(String name, SettingType<T> type, T defaultValue, String category, boolean dbPriority,
                            boolean sensitive, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    public SettingKey {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("setting name must be UPPER_SNAKE_CASE, at most 100 characters: '"
                    + name + "'");
        }
        if (sensitive && dbPriority) {
            throw new IllegalArgumentException("setting " + name + ": a sensitive key is never read from CONFIG");
        }
    }

    /** A key read from {@code CONFIG} first, then env, then the default. */
    public static <T> SettingKey<T> dbFirst(String name, SettingType<T> type, T defaultValue, String category,
                                            String description) {
        return new SettingKey<>(name, type, defaultValue, category, true, false, description);
    }

    /** A key read from env first, then {@code CONFIG}, then the default. */
    public static <T> SettingKey<T> envFirst(String name, SettingType<T> type, T defaultValue, String category,
                                             String description) {
        return new SettingKey<>(name, type, defaultValue, category, false, false, description);
    }

    /** A secret: env, then the secrets file; never {@code CONFIG}. Its default is the empty string. */
    public static SettingKey<String> secret(String name, String description) {
        return new SettingKey<>(name, SettingType.STR, "", "Secrets", false, true, description);
    }
}
