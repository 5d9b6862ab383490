package com.primejennie.shared.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.market.ManualMarketClock;

class MacroContextProviderTest {

    private final ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 11, 9, 0));
    private final AtomicReference<String> redis = new AtomicReference<>();
    private final AtomicInteger dbReads = new AtomicInteger();

    private MacroContextProvider provider(Optional<String> dbRow) {
        return new MacroContextProvider(redis::get, date -> {
            dbReads.incrementAndGet();
            return dbRow;
        }, clock, Duration.ofMinutes(30));
    }

    @Test
    void readsTheCouncilInsightFromRedisAndRefreshesEveryThirtyMinutes() {
        redis.set("{\"sentiment_score\":25,\"vix_regime\":\"crisis\",\"vix_value\":38.2,"
                + "\"political_risk_level\":\"high\",\"position_size_pct\":100,\"strategies_to_avoid\":[\"MOMENTUM\"]}");
        MacroContextProvider p = provider(Optional.empty());
        TradingContext ctx = p.current().orElseThrow();
        assertThat(ctx.riskOffLevel()).isEqualTo(3);
        assertThat(ctx.vixRegime()).isEqualTo("crisis");
        assertThat(ctx.allows("MOMENTUM")).isFalse();
        redis.set(null);
        clock.advance(Duration.ofMinutes(29));
        assertThat(p.current()).contains(ctx);
        clock.advance(Duration.ofMinutes(1));
        assertThat(p.current().orElseThrow()).isEqualTo(TradingContext.neutral());
    }

    @Test
    void fallsBackToTodaysDatabaseRowThenToTheNeutralDefaults() {
        assertThat(provider(Optional.of("{\"sentiment_score\":35,\"political_risk_level\":\"critical\","
                + "\"strategies_to_avoid\":\"GOLDEN_CROSS,MOMENTUM\"}")).current().orElseThrow().riskOffLevel())
                .isEqualTo(2);
        assertThat(provider(Optional.empty()).current()).contains(TradingContext.neutral());
    }

    @Test
    void keepsTheLastContextWhenTheSourcesFail() {
        redis.set("{\"sentiment_score\":35}");
        MacroContextProvider p = new MacroContextProvider(() -> {
            if (redis.get() == null) {
                throw new IllegalStateException("down");
            }
            return redis.get();
        }, date -> Optional.empty(), clock, Duration.ofMinutes(30));
        TradingContext first = p.current().orElseThrow();
        redis.set(null);
        clock.advance(Duration.ofMinutes(31));
        assertThat(p.current()).contains(first);
        assertThat(p.lastRefreshFailed()).as("a reader that must not use a stale context can tell").isTrue();
        redis.set("{\"sentiment_score\":35}");
        clock.advance(Duration.ofMinutes(30));
        p.current();
        assertThat(p.lastRefreshFailed()).isFalse();
    }

    @Test
    void cachedNeverReadsTheSources() {
        AtomicInteger reads = new AtomicInteger();
        MacroContextProvider p = new MacroContextProvider(() -> {
            reads.incrementAndGet();
            return "{\"vix_regime\":\"elevated\"}";
        }, date -> Optional.empty(), clock, Duration.ofMinutes(30));
        assertThat(p.cached()).isEmpty();
        p.current();
        clock.advance(Duration.ofHours(2));
        assertThat(p.cached().orElseThrow().stopLossMultiplier()).isEqualTo(1.3);
        assertThat(reads).hasValue(1);
    }

    @Test
    void theInsightRowBecomesTheJsonTheParserReads() {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("INSIGHT_DATE", java.time.LocalDate.of(2026, 2, 11));
        row.put("VIX_REGIME", "crisis");
        row.put("STOP_LOSS_ADJUST_PCT", new java.math.BigDecimal("120"));
        row.put("STRATEGIES_TO_AVOID", "GOLDEN_CROSS,MOMENTUM");
        row.put("SENTIMENT_SCORE", null);
        MacroInputs in = MacroContextProvider.parse(MacroInsightSources.rowJson(row));
        assertThat(in.vixRegime()).isEqualTo("crisis");
        assertThat(in.stopLossAdjustPct()).isEqualTo(120.0);
        assertThat(in.strategiesToAvoid()).containsExactly("GOLDEN_CROSS", "MOMENTUM");
        assertThat(in.sentimentScore()).isNull();
    }
}
