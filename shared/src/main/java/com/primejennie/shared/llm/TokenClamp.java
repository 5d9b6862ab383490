package com.primejennie.shared.llm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Korean output-token clamp of the Python suite, so a long prompt plus {@code max_tokens} stays inside vLLM's
 * {@code --max-model-len}: {@code min(requested, max(maxModelLen - max(codePoints / 2, 100) - 64, 256))}, integer
 * division, "about two Korean characters per token" and a 64-token margin. At least 256 tokens are always granted,
 * even if that overflows (vLLM then answers 400, see {@link ContextOverflowException}).
 */
public final class TokenClamp {

    static final int MIN_ESTIMATED_INPUT = 100;
    static final int SAFETY_MARGIN = 64;
    static final int MIN_OUTPUT = 256;

    private final int maxModelLen;

    public TokenClamp(int maxModelLen) {
        if (maxModelLen <= 0) {
            throw new IllegalArgumentException("maxModelLen must be positive, was " + maxModelLen);
        }
        this.maxModelLen = maxModelLen;
    }

    /** The clamped {@code max_tokens} for a prompt text. */
    public int clamp(String text, int requested) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (requested <= 0) {
            throw new IllegalArgumentException("requested max tokens must be positive, was " + requested);
        }
        int codePoints = text.codePointCount(0, text.length());
        int estimatedInput = Math.max(codePoints / 2, MIN_ESTIMATED_INPUT);
        int available = maxModelLen - estimatedInput - SAFETY_MARGIN;
        return Math.min(requested, Math.max(available, MIN_OUTPUT));
    }

    /** The clamped {@code max_tokens} for a chat: contents joined with single spaces. */
    public int clamp(List<ChatMessage> messages, int requested) {
        return clamp(joined(messages), requested);
    }

    static String joined(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::content).collect(Collectors.joining(" "));
    }

    public int maxModelLen() {
        return maxModelLen;
    }
}
