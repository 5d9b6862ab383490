package com.primejennie.shared.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Translates the Python suite's Ollama-era model names to the model vLLM actually serves, so existing settings
 * ({@code LOCAL_MODEL_FAST=exaone3.5:7.8b}) keep working. Unmapped names pass through unchanged.
 */
public final class ModelMap {

    public static final String SERVED_MODEL = "LGAI-EXAONE/EXAONE-4.0-32B-AWQ";

    /** The four legacy names of VLLM_MODEL_MAP. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "exaone3.5:7.8b", SERVED_MODEL,
            "exaone", SERVED_MODEL,
            "gpt-oss:20b", SERVED_MODEL,
            "gemma3:27b", SERVED_MODEL);

    private final Map<String, String> map;

    public ModelMap(Map<String, String> map) {
        Objects.requireNonNull(map, "map must not be null");
        this.map = Map.copyOf(new LinkedHashMap<>(map));
    }

    public static ModelMap defaults() {
        return new ModelMap(DEFAULTS);
    }

    /** The served model for {@code requested}; {@code requested} itself when it is not mapped. */
    public String resolve(String requested) {
        Objects.requireNonNull(requested, "requested model must not be null");
        return map.getOrDefault(requested, requested);
    }

    public Map<String, String> entries() {
        return map;
    }
}
