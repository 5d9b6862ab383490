package com.primejennie.buyscanner.signal;

import java.time.Instant;

import com.primejennie.shared.macro.TradingContext;

/**
 * A buy signal as detected, before it is published (spec §2.7 "internal signal").
 *
 * @param price      the tick price that triggered the evaluation
 * @param detectedAt when it was detected (the payload's {@code scan_timestamp}, also for a confirmed momentum signal)
 * @param macro      the trading context at detection; null when none was available
 */
public record DetectedSignal(String code, String name, String signalType, String reason, double price,
                             double llmScore, String regime, Instant detectedAt, String tradeTier,
                             TradingContext macro) {

    public boolean superPrime() {
        return "GOLDEN_CROSS_SUPER_PRIME".equals(signalType);
    }

    public DetectedSignal withPrice(double confirmedPrice) {
        return new DetectedSignal(code, name, signalType, reason, confirmedPrice, llmScore, regime, detectedAt,
                tradeTier, macro);
    }
}
