package com.primejennie.shared.llm;

import tools.jackson.databind.JsonNode;

/**
 * What a call returns: the answer text with {@code <think>} blocks removed, the parsed and schema-valid JSON when a
 * schema was given (else {@code null}), which provider and model answered, and the token usage it reported.
 */
public record LlmAnswer(String text, JsonNode json, String provider, String model, long promptTokens,
                        long completionTokens) {
}
