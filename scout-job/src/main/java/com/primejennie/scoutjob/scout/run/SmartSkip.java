package com.primejennie.scoutjob.scout.run;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * Smart skip (spec §3.7 step 5; §6.10 fixed): a passed stock is not sent to the analyst when its quant total is below
 * {@code SMART_SKIP_QUANT_MIN}, its RSI (read from {@code details.technical}, where v2 keeps it - Python read
 * {@code details.rsi} and never skipped) above {@code SMART_SKIP_RSI_MAX}, its sentiment below the 0-100 equivalent of
 * {@code SMART_SKIP_SENTIMENT_MIN} (−50 on the −100..100 scale the setting was written for is 25; Python compared the
 * 0-100 score with −50 and never skipped), or today's cached hunter score below {@code SMART_SKIP_CACHED_HUNTER_MIN}.
 * The caller exempts stocks with a competitor-benefit score.
 */
public final class SmartSkip {

    private SmartSkip() {
    }

    public static boolean skip(QuantResult q, int quantMin, int rsiMax, double sentimentMin0to100, Double cachedHunter,
                               int cachedHunterMin) {
        if (q.total() < quantMin) {
            return true;
        }
        Double rsi = q.number(QuantResult.TECHNICAL, "rsi");
        if (rsi != null && rsi > rsiMax) {
            return true;
        }
        boolean hasSentiment = !q.missing().contains("sentiment");
        Double sentiment = q.number("news", "sentiment_score");
        if (hasSentiment && sentiment != null && sentiment < sentimentMin0to100) {
            return true;
        }
        return cachedHunter != null && cachedHunter < cachedHunterMin;
    }
}
