package com.primejennie.shared.llm;

import java.util.List;
import java.util.Objects;

/**
 * One call to a tier: the messages, an optional response schema (a JSON answer is then required and validated) and
 * the options. Validates its arguments so a bad call fails before any HTTP request.
 */
public record LlmRequest(LlmTier tier, List<ChatMessage> messages, ResponseSchema schema, LlmOptions options) {

    public LlmRequest {
        Objects.requireNonNull(tier, "tier must not be null");
        Objects.requireNonNull(messages, "messages must not be null");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) == null) {
                throw new IllegalArgumentException("messages[" + i + "] must not be null");
            }
        }
        if (messages.stream().allMatch(m -> m.content().isBlank())) {
            throw new IllegalArgumentException("messages must not all be blank");
        }
        messages = List.copyOf(messages);
        options = options == null ? LlmOptions.defaults() : options;
    }

    /** A single user prompt ("generate" in the Python suite). */
    public static LlmRequest generate(LlmTier tier, String prompt, ResponseSchema schema, LlmOptions options) {
        Objects.requireNonNull(prompt, "prompt must not be null");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        return new LlmRequest(tier, List.of(ChatMessage.user(prompt)), schema, options);
    }

    /** A chat history. */
    public static LlmRequest chat(LlmTier tier, List<ChatMessage> messages, ResponseSchema schema,
                                  LlmOptions options) {
        return new LlmRequest(tier, messages, schema, options);
    }
}
