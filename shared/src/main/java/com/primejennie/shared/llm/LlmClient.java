package com.primejennie.shared.llm;

import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * The suite's one way to ask a language model: by tier, never by provider, so the local vLLM, DeepSeek or
 * OpenRouter can be swapped in configuration. Plain calls return the answer text without {@code <think>} blocks;
 * JSON calls return an object that satisfies the schema or throw {@link LlmAnswerException}.
 */
public interface LlmClient {

    /** The full answer of one request, with provider, model and token usage. */
    LlmAnswer complete(LlmRequest request);

    /** One user prompt, text answer. */
    default String generate(LlmTier tier, String prompt, LlmOptions options) {
        return complete(LlmRequest.generate(tier, prompt, null, options)).text();
    }

    /** A chat history, text answer. */
    default String chat(LlmTier tier, List<ChatMessage> messages, LlmOptions options) {
        return complete(LlmRequest.chat(tier, messages, null, options)).text();
    }

    /** One user prompt, JSON answer valid against {@code schema}. */
    default JsonNode generateJson(LlmTier tier, String prompt, ResponseSchema schema, LlmOptions options) {
        Objects.requireNonNull(schema, "schema must not be null");
        return complete(LlmRequest.generate(tier, prompt, schema, options)).json();
    }

    /** A chat history, JSON answer valid against {@code schema}. */
    default JsonNode chatJson(LlmTier tier, List<ChatMessage> messages, ResponseSchema schema,
                              LlmOptions options) {
        Objects.requireNonNull(schema, "schema must not be null");
        return complete(LlmRequest.chat(tier, messages, schema, options)).json();
    }
}
