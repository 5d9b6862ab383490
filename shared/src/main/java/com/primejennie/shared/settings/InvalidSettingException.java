package com.primejennie.shared.settings;

/** A setting's stored value cannot be read as its type; the message names the key, the value and where it came from. */
public class InvalidSettingException extends IllegalStateException {

    private final String key;
    private final String value;

    public InvalidSettingException(String key, String value, String source, String expected) {
        super("setting " + key + ": value '" + value + "' from " + source + " is not " + expected);
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
