package com.primejennie.shared.llm;

/** A provider's answer before any parsing: the message content as sent and the usage block. */
record RawCompletion(String content, String model, long promptTokens, long completionTokens) {
}
