package com.primejennie.shared.settings;

/**
 * The value of a setting cannot be known: the {@code CONFIG} table must be consulted and cannot be read, and no
 * earlier value is cached. Thrown instead of guessing a default, because trading on a default while the operator's
 * value is unknown is the unsafe choice.
 */
public class SettingUnavailableException extends IllegalStateException {

    public SettingUnavailableException(String key, Throwable cause) {
        super("setting " + key + ": the CONFIG table cannot be read (" + cause.getMessage()
                + ") and no earlier value is cached", cause);
    }
}
