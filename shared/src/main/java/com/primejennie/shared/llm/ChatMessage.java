package com.primejennie.shared.llm;

import java.util.Locale;
import java.util.Objects;

/**
 * One turn of a chat, as sent to {@code /chat/completions}. Exists so callers never build provider-specific message
 * objects; the Python suite's Gemini-style role {@code model} is accepted and means {@code assistant}.
 */
public record ChatMessage(Role role, String content) {

    /** The three roles the suite uses. */
    public enum Role {
        SYSTEM, USER, ASSISTANT;

        /** Parses {@code system}, {@code user}, {@code assistant} or {@code model} (= assistant), any case. */
        public static Role parse(String role) {
            Objects.requireNonNull(role, "role must not be null");
            return switch (role.trim().toLowerCase(Locale.ROOT)) {
                case "system" -> SYSTEM;
                case "user" -> USER;
                case "assistant", "model" -> ASSISTANT;
                default -> throw new IllegalArgumentException(
                        "role must be system, user, assistant or model, was '" + role + "'");
            };
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(content, "content must not be null");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }

    /** A message from the Python-style {@code {role, content}} pair. */
    public static ChatMessage of(String role, String content) {
        return new ChatMessage(Role.parse(role), content);
    }
}
