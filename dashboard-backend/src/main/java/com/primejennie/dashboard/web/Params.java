package com.primejennie.dashboard.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Range checks for query parameters, with the spec's bounds, naming the parameter on failure. */
public final class Params {

    private Params() {
    }

    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadParameterException("query", name, name + " must be between " + min + " and " + max
                    + ", was " + value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new BadParameterException("query", name, name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** A {@code YYYY-MM-DD} date, or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException("query", name, name + " must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    /** One of {@code allowed}. */
    public static String oneOf(String name, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new BadParameterException("query", name, name + " must be one of " + String.join(", ", allowed)
                + ", was '" + value + "'");
    }
}
