package com.primejennie.shared.llm;

import java.time.Duration;

/**
 * One finished HTTP call to a model, for the usage statistics. {@code kind} is the tier name or {@code EMBEDDING};
 * failed calls carry no tokens unless the server answered (an invalid answer still cost tokens).
 */
public record LlmUsage(String service, String kind, String provider, String model, long tokensIn, long tokensOut,
                       Duration elapsed, boolean success) {
}
