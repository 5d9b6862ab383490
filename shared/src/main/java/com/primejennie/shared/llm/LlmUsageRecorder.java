package com.primejennie.shared.llm;

/**
 * Where usage goes after every call, local vLLM included (the Python suite recorded only cloud calls). Implementations
 * must never throw: statistics are not worth failing a trading decision for.
 */
@FunctionalInterface
public interface LlmUsageRecorder {

    void record(LlmUsage usage);

    /** Records nothing; for tests and tools. */
    static LlmUsageRecorder none() {
        return usage -> {
        };
    }
}
