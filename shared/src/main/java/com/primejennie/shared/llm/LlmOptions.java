package com.primejennie.shared.llm;

/**
 * Per-call knobs: sampling temperature, the requested maximum of output tokens (before the Korean clamp) and the
 * service tag under which usage is counted ({@code scout}, {@code briefing}, {@code macro_council}, ...).
 *
 * @param temperature 0.0-2.0; {@link #DEFAULT_TEMPERATURE} when built with {@link #defaults()}
 * @param maxTokens   requested output tokens, or {@code null} for the configured default (4096)
 * @param service     usage tag; {@code null} or blank is counted as {@link #UNKNOWN_SERVICE}
 */
public record LlmOptions(double temperature, Integer maxTokens, String service) {

    public static final double DEFAULT_TEMPERATURE = 0.2;
    public static final String UNKNOWN_SERVICE = "unknown";

    public LlmOptions {
        if (Double.isNaN(temperature) || temperature < 0.0 || temperature > 2.0) {
            throw new IllegalArgumentException("temperature must be within 0.0-2.0, was " + temperature);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        if (service != null && !service.isBlank() && !service.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "service must be 1-64 letters, digits, '_', '.' or '-' (it becomes a Redis key part), was '"
                            + service + "'");
        }
        service = service == null || service.isBlank() ? UNKNOWN_SERVICE : service;
    }

    /** Temperature 0.2, the default output budget, service {@code unknown}. */
    public static LlmOptions defaults() {
        return new LlmOptions(DEFAULT_TEMPERATURE, null, null);
    }

    /** Defaults, counted under {@code service}. */
    public static LlmOptions forService(String service) {
        return new LlmOptions(DEFAULT_TEMPERATURE, null, service);
    }

    public LlmOptions withTemperature(double value) {
        return new LlmOptions(value, maxTokens, service);
    }

    public LlmOptions withMaxTokens(int value) {
        return new LlmOptions(temperature, value, service);
    }

    public LlmOptions withService(String value) {
        return new LlmOptions(temperature, maxTokens, value);
    }
}
