package com.primejennie.buyexecutor.sizing;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Shrinks a buy whose LLM score is old (spec buy-path §3.2 step 10): ≥3 trading days since scoring → ×0.3, 2 → ×0.5,
 * else ×1.0. Days are KRX trading days in Korea time (the Python suite counted UTC weekdays; holidays are not
 * "business days" for a score). A timestamp without an offset or one that does not parse gives 1.0, as in Python.
 */
public final class StaleScoreMultiplier {

    private StaleScoreMultiplier() {
    }

    /** Trading days after the scoring date up to and including today (KST); -1 when not parseable. */
    public static int tradingDaysSince(String llmScoredAt, MarketClock clock, TradingCalendar calendar) {
        if (llmScoredAt == null || llmScoredAt.isBlank()) {
            return -1;
        }
        LocalDate scored;
        try {
            scored = OffsetDateTime.parse(llmScoredAt.trim()).atZoneSameInstant(MarketClock.KST).toLocalDate();
        } catch (DateTimeParseException e) {
            return -1;
        }
        LocalDate today = clock.today();
        int days = 0;
        for (LocalDate d = scored.plusDays(1); !d.isAfter(today) && days < 30; d = d.plusDays(1)) {
            if (calendar.isTradingDay(d)) {
                days++;
            }
        }
        return days;
    }

    public static double multiplier(int tradingDays) {
        if (tradingDays >= 3) {
            return 0.3;
        }
        return tradingDays == 2 ? 0.5 : 1.0;
    }
}
