package com.primejennie.buyexecutor.consume;

import com.primejennie.shared.domain.BuySignal;

/**
 * One signal to decide: the wire message, the base of its intent keys (stream entry id, or {@code POST /process}'s
 * message id / payload hash) and an optional manual limit price (dashboard).
 *
 * @param intentBase the order's intent key is {@code intentBase + ":" + code}, so a redelivered entry never buys twice
 */
public record BuyRequest(BuySignal signal, String intentBase, Long manualLimitPrice) {

    public BuyRequest {
        if (signal == null) {
            throw new IllegalArgumentException("a buy request needs a signal");
        }
        if (intentBase == null || intentBase.isBlank()) {
            throw new IllegalArgumentException("a buy request needs an intent base (entry id or message id)");
        }
    }
}
