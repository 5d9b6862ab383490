package com.primejennie.shared.llm;

/**
 * How much thinking a call needs; each tier maps to an ordered list of OpenAI-compatible providers
 * ({@code TIER_<TIER>_PROVIDER}). FAST is news sentiment and classification, REASONING analyst scoring and debate,
 * THINKING judge scoring and trade decisions.
 */
public enum LlmTier {
    FAST,
    REASONING,
    THINKING
}
