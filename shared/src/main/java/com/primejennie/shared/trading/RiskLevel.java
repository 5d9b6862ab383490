package com.primejennie.shared.trading;

import java.util.Locale;

/**
 * The operator's risk appetite, set with the bot's {@code /risk} into the setting {@code RISK_LEVEL}
 * ({@link com.primejennie.shared.settings.SettingKeys#RISK_LEVEL}) and read by the buy-executor's sizing. How much each
 * level changes a position is the executor's decision; this type only fixes the names both sides use.
 */
public enum RiskLevel {
    CONSERVATIVE, MODERATE, AGGRESSIVE;

    /** The stored value ({@code conservative}, {@code moderate}, {@code aggressive}). */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a stored value; anything else fails naming the value and the choices. */
    public static RiskLevel fromSetting(String value) {
        if (value != null) {
            for (RiskLevel level : values()) {
                if (level.settingValue().equalsIgnoreCase(value.trim())) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("RISK_LEVEL must be conservative, moderate or aggressive, got '" + value
                + "'");
    }
}
