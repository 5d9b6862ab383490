package com.primejennie.shared.llm;

/** Root of every failure of the LLM client, so callers can catch one type and still tell the cases apart. */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
