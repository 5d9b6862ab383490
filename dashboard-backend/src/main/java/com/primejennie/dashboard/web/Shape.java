package com.primejennie.dashboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON objects of the old API in field order; unlike {@code Map.of} it keeps nulls the spec shows. */
public final class Shape {

    private Shape() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
