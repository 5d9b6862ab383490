package com.primejennie.scoutjob.scout.analyst;

/**
 * What a failed analyst call means for the stock (spec §6.11 fixed: the Python scout scored a failure as 0, which the
 * guardrail lifted to q − 15, so every stock with q ≥ 56 was still approved on the quant score alone).
 */
public enum LlmFallback {
    /** The default: not approved; the decision and its reason are stored. */
    REJECT,
    /**
     * Approved on the quant score alone when {@code q ≥ 50}, but never tradable (tier BLOCKED): the stock is watched,
     * not bought, until an analyst call succeeds.
     */
    QUANT_WATCH_ONLY
}
