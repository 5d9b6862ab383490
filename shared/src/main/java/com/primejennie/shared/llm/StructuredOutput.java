package com.primejennie.shared.llm;

/**
 * How a provider is asked for JSON. vLLM and OpenAI take a JSON schema ({@code response_format: json_schema},
 * constrained decoding); DeepSeek only knows {@code json_object}; OFF exists because the Python suite saw a model
 * answer empty JSON under constrained decoding. With anything but {@link #JSON_SCHEMA} the prompt carries the
 * schema; the answer is always extracted and validated the same way.
 */
public enum StructuredOutput {
    JSON_SCHEMA,
    JSON_OBJECT,
    OFF
}
