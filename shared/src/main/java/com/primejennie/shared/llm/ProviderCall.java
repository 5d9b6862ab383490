package com.primejennie.shared.llm;

import java.util.List;

/**
 * Exactly what goes to one provider's {@code /chat/completions}: mapped model, final messages, clamped
 * {@code max_tokens}, temperature, the schema to put in {@code response_format} (or {@code null}) and the
 * {@code enable_thinking} switch ({@code null}: not sent).
 */
record ProviderCall(String model, List<ChatMessage> messages, int maxTokens, double temperature,
                    ResponseSchema responseFormat, StructuredOutput structuredOutput, Boolean enableThinking) {
}
