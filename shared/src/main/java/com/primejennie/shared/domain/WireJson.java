package com.primejennie.shared.domain;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration for everything that crosses a process boundary (Redis streams and keys, HTTP bodies
 * shared with the Python suite). Every module builds its wire mapper here, so all of them agree on the rules:
 * <ul>
 *   <li>Korean (any non-ASCII) is written as UTF-8, never {@code \}{@code uXXXX}-escaped; escaped input is still read;</li>
 *   <li>unknown fields are ignored, so a producer may add fields without breaking consumers;</li>
 *   <li>numbers are lenient: an int where a float is expected and a float where an int is expected are both read
 *       (Python writes {@code 1} and {@code 1.0} interchangeably), as are Python's {@code NaN}/{@code Infinity}.</li>
 * </ul>
 */
public final class WireJson {

    private static final JsonMapper MAPPER = builder().build();

    private WireJson() {
    }

    /** The shared, immutable, thread-safe wire mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A builder preset with the wire rules, for a module that must add its own modules or features on top. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
