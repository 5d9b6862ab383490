package com.primejennie.shared.settings;

/**
 * Where a setting's value comes from, for the dashboard's settings page: the effective value as text, its source
 * ({@code env}, {@code db}, {@code default} or {@code secret}) and what env and {@code CONFIG} hold. Sensitive values
 * are masked: {@code ***} when set, {@code (unset)} otherwise.
 */
public record ResolvedSetting(String key, String type, String category, boolean dbPriority, boolean sensitive,
                              String value, String source, String envValue, String dbValue, String defaultValue,
                              String description) {

    public static final String MASK = "***";
    public static final String UNSET = "(unset)";
}
