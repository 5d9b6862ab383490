package com.primejennie.shared.domain;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named parameter preset a buy signal may carry ({@code strategy_preset}); the manual Telegram buy sends
 * {@code {"name":"MANUAL_TELEGRAM","params":{}}}. Empty params mean "resolve the preset from the regime".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrategyPreset(String name, Map<String, Object> params) {

    public StrategyPreset {
        params = params == null ? Map.of() : params;
    }
}
