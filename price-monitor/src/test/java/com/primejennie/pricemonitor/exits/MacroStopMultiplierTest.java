package com.primejennie.pricemonitor.exits;

import static org.assertj.core.api.Assertions.assertThat;

import com.primejennie.pricemonitor.exits.engine.DailyBarSource;
import com.primejennie.pricemonitor.exits.engine.ExitEngine;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.macro.MacroContextProvider;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.persistence.DailyPrice;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The macro stop multiplier (sell-path §1.5, computed by the shared macro context as buy-path §2.8): applied to the
 * ATR multiplier always, even below 1, and to the fixed stop only above 1; cached 30 min of market time; 1.0 on any
 * error.
 */
class MacroStopMultiplierTest {

    final ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0));
    final AtomicReference<String> insight = new AtomicReference<>();
    final MacroContextProvider provider = new MacroContextProvider(() -> {
        String json = insight.get();
        if ("DOWN".equals(json)) {
            throw new IllegalStateException("redis down");
        }
        return json;
    }, date -> Optional.empty(), clock, Duration.ofMinutes(30));
    final MacroStopMultiplier mult = new MacroStopMultiplier(provider);

    /**
     * 30 sessions drifting down 10 a day to 10,000, high/low ±50: ATR(14) exactly 100 (no gap exceeds the range),
     * and SMA5 already under SMA20 (no death cross on the tick).
     */
    static List<DailyPrice> flatBars() {
        List<DailyPrice> bars = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long close = 10_000 + 10L * (29 - i);
            bars.add(new DailyPrice("005930", LocalDate.of(2026, 1, 1).plusDays(i), close + 10, close + 50,
                    close - 50, close, 1_000_000));
        }
        return bars;
    }

    Optional<SellOrder> tick(String insightJson, List<DailyPrice> bars, double price) {
        insight.set(insightJson);
        provider.refreshNow(); // each case reads its own insight (mult.refresh() would keep the 30-min cache)
        ExitsProperties props = ExitsProperties.defaults();
        PositionBook book = new PositionBook(props.rewatchDelay());
        book.refresh(List.of(ExitFlagsTest.position(100, 10_000)), clock.instant());
        ExitEngine engine = new ExitEngine(book, new ExitStateStore(null), new DailyBarSource((c, n) -> bars, 30),
                o -> { }, clock, c -> ExitThresholds.defaults(), () -> "SIDEWAYS", mult, props,
                ExitChain.standard());
        return engine.onTick("005930", price, clock.instant());
    }

    @ParameterizedTest(name = "{0}: mult {2}, ATR stop at {3}")
    @CsvSource(delimiter = '|', value = {
            // insight | _ | macroStopMult | ATR stop = 10,000 − 2 × mult × 100
            "{\"vix_regime\":\"normal\"}                                   | | 1.0  | 9800",
            "{\"vix_regime\":\"elevated\"}                                 | | 1.3  | 9740",
            "{\"vix_regime\":\"low_vol\"}                                  | | 0.9  | 9820",
            "{\"vix_regime\":\"crisis\"}                                   | | 1.5  | 9700",
            // elevated and risk-off level 2 (sentiment < 30 → 2, elevated → 1): 1.3 × 1.1 = 1.43
            "{\"vix_regime\":\"elevated\",\"sentiment_score\":25}          | | 1.43 | 9714",
            // crisis at level 3 stays capped at 1.5
            "{\"vix_regime\":\"crisis\",\"sentiment_score\":25,\"political_risk_level\":\"high\"} | | 1.5 | 9700",
            // the Council override: stop_loss_adjust_pct / 100
            "{\"vix_regime\":\"crisis\",\"stop_loss_adjust_pct\":120}      | | 1.2  | 9760"})
    void atrStopWidensOrTightensByTheMacroMultiplierAtItsThreshold(String json, String unused, double expectedMult,
                                                                    long stop) {
        insight.set(json);
        provider.refreshNow();
        assertThat(mult.get()).isEqualTo(expectedMult);
        assertThat(tick(json, flatBars(), stop)).as("at the stop (strict)").isEmpty();
        assertThat(tick(json, flatBars(), stop - 1).orElseThrow().sellReason())
                .isEqualTo("ATR Stop (Price " + String.format("%,d", stop - 1) + " < " + String.format("%,d", stop)
                        + ")");
    }

    @ParameterizedTest(name = "{0}: holds at {1} %, sells at {2} %")
    @CsvSource(delimiter = '|', value = {
            // no ATR (no bars): only the fixed stop, −6 % × mult when mult > 1
            "{\"vix_regime\":\"normal\"}   | 9401 | 9400",
            "{\"vix_regime\":\"elevated\"} | 9221 | 9219",
            "{\"vix_regime\":\"crisis\"}   | 9101 | 9099",
            // below 1 the fixed stop is unchanged (not −5.4 %)
            "{\"vix_regime\":\"low_vol\"}  | 9401 | 9400"})
    void fixedStopIsScaledOnlyByAMultiplierAboveOne(String json, double holdsAt, double sellsAt) {
        assertThat(tick(json, List.of(), holdsAt)).isEmpty();
        assertThat(tick(json, List.of(), sellsAt).orElseThrow().sellReason()).startsWith("Fixed Stop Loss: ");
    }

    @Test
    void lowVolatilityDoesNotMoveTheFixedStopButElevatedHoldsAtMinusSixPercent() {
        assertThat(tick("{\"vix_regime\":\"low_vol\"}", List.of(), 9_450)).as("−5.5 %, above −6 %").isEmpty();
        assertThat(tick("{\"vix_regime\":\"elevated\"}", List.of(), 9_400)).as("−6 %, above −7.8 %").isEmpty();
    }

    @Test
    void isKeptForThirtyMinutesOfMarketTime() {
        insight.set("{\"vix_regime\":\"elevated\"}");
        mult.refresh();
        insight.set("{\"vix_regime\":\"crisis\"}");
        clock.advance(Duration.ofMinutes(29));
        mult.refresh();
        assertThat(mult.get()).isEqualTo(1.3);
        clock.advance(Duration.ofMinutes(1));
        mult.refresh();
        assertThat(mult.get()).isEqualTo(1.5);
    }

    @Test
    void isOneOnAnyError() {
        assertThat(mult.get()).as("no context read yet").isEqualTo(1.0);
        insight.set("{\"vix_regime\":\"crisis\"}");
        mult.refresh();
        assertThat(mult.get()).isEqualTo(1.5);
        insight.set("DOWN");
        clock.advance(Duration.ofMinutes(30));
        mult.refresh();
        assertThat(mult.get()).as("the refresh failed").isEqualTo(1.0);
        insight.set("not json");
        clock.advance(Duration.ofMinutes(30));
        mult.refresh();
        assertThat(mult.get()).as("unreadable insight").isEqualTo(1.0);
    }

    @Test
    void withoutAnyInsightTheNeutralDefaultsGiveOne() {
        mult.refresh();
        assertThat(mult.get()).isEqualTo(1.0);
    }
}
