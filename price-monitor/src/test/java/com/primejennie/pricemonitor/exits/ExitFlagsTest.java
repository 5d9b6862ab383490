package com.primejennie.pricemonitor.exits;

import static org.assertj.core.api.Assertions.assertThat;

import com.primejennie.pricemonitor.exits.engine.DailyBarSource;
import com.primejennie.pricemonitor.exits.engine.ExitEngine;
import com.primejennie.pricemonitor.exits.indicators.Indicators;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.indicators.ChartPhase;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The features that were inert in Python, behind flags that default to the Python behaviour (issue 15): each flag
 * off gives Python's outcome and on changes it, on the same position and tick.
 */
class ExitFlagsTest {

    final ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0));

    static ExitsProperties props(boolean maxHoldingDays, boolean regimeTables, boolean macd) {
        return props(maxHoldingDays, regimeTables, macd, false);
    }

    static ExitsProperties props(boolean maxHoldingDays, boolean regimeTables, boolean macd, boolean chartPhase) {
        return new ExitsProperties(true, Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 30, maxHoldingDays, regimeTables, macd, chartPhase, Duration.ofMinutes(30));
    }

    static Position position(long qty, double buy) {
        return new Position("005930", "삼성전자", (int) qty, BigDecimal.valueOf(buy), BigDecimal.valueOf(buy * qty),
                null, null, LocalDateTime.of(2026, 2, 1, 0, 0), LocalDateTime.of(2026, 2, 1, 0, 0));
    }

    Optional<SellOrder> tick(Position p, List<DailyPrice> bars, ExitsProperties props, Supplier<String> regime,
                             double price) {
        PositionBook book = new PositionBook(props.rewatchDelay());
        book.refresh(List.of(p), clock.instant());
        List<SellOrder> sent = new ArrayList<>();
        ExitEngine engine = new ExitEngine(book, new ExitStateStore(null), new DailyBarSource((c, n) ->
                bars.subList(Math.max(0, bars.size() - n), bars.size()), props.dailyBarsNeeded()),
                sent::add, clock, c -> ExitThresholds.defaults(), regime,
                () -> 1.0, props, ExitChain.standard());
        return engine.onTick("005930", price, clock.instant());
    }

    @ParameterizedTest(name = "regime tables enabled={0}")
    @ValueSource(booleans = {false, true})
    void regimeTablesFlagOffTradesSidewaysOnTradesTheScoutRegime(boolean enabled) {
        // +2.5 %: BEAR's first rung is +2 %, SIDEWAYS's +3 %
        Supplier<String> regime = RegimeReader.supplier(enabled,
                () -> "{\"regime\": \"BEAR\", \"confidence\": 0.8}");
        Optional<SellOrder> sell = tick(position(1000, 10_000), List.of(), props(false, enabled, false), regime,
                10_250);
        if (enabled) {
            assertThat(sell.orElseThrow().sellReason()).startsWith("Scale-out L1: +2.5% (목표 +2.0%) [BEAR]");
        } else {
            assertThat(sell).isEmpty();
        }
    }

    @ParameterizedTest(name = "regime key {0}")
    @ValueSource(strings = {"", "not json", "{\"regime\": \"BULL\"}"})
    void regimeReaderFallsBackToSidewaysAndReadsTheScoutRegime(String json) {
        String read = RegimeReader.supplier(true, () -> json.isEmpty() ? null : json).get();
        assertThat(read).isEqualTo(json.contains("BULL") ? "BULL" : "SIDEWAYS");
    }

    @ParameterizedTest(name = "MACD divergence enabled={0}")
    @ValueSource(booleans = {false, true})
    void macdDivergenceFlagTightensTheAtrStopOnlyWhenOn(boolean enabled) {
        List<DailyPrice> bars = divergentBars();
        double tickPrice = 13_300;
        double[] closes = new double[bars.size() + 1];
        for (int i = 0; i < bars.size(); i++) {
            closes[i] = bars.get(i).closePrice();
        }
        closes[bars.size()] = tickPrice;
        assertThat(Indicators.macdBearishDivergence(closes)).as("the bars show a bearish divergence").isTrue();
        double atr = Indicators.atr14(bars.subList(bars.size() - 30, bars.size()));
        // buy − 2×ATR < tick < buy − 1.5×ATR: only the ×0.75 of the MACD warning brings the stop above the tick
        double buy = Math.round(tickPrice + 1.75 * atr);

        Optional<SellOrder> sell = tick(position(100, buy), bars, props(false, false, enabled), () -> "SIDEWAYS",
                tickPrice);

        if (enabled) {
            assertThat(sell.orElseThrow().sellReason()).startsWith("ATR Stop (Price 13,300 < ");
        } else {
            assertThat(sell).isEmpty();
        }
    }

    /** 40 flat sessions, a sharp 10-session rally, then a slow 10-session grind up: price up, momentum down. */
    static List<DailyPrice> divergentBars() {
        List<DailyPrice> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 11, 1);
        long close = 10_000;
        for (int i = 0; i < 60; i++) {
            long prev = close;
            if (i >= 40 && i < 50) {
                close += 300;
            } else if (i >= 50) {
                close += 30;
            }
            bars.add(new DailyPrice("005930", day.plusDays(i), prev, Math.max(prev, close) + 50,
                    Math.min(prev, close) - 50, close, 1_000_000));
        }
        return bars;
    }

    @ParameterizedTest(name = "chart phase enabled={0}")
    @ValueSource(booleans = {false, true})
    void chartPhaseFlagTightensTheAtrStopOnlyWhenOn(boolean enabled) {
        List<DailyPrice> bars = stageThreeBars(125);
        double[] closes = bars.stream().mapToDouble(DailyPrice::closePrice).toArray();
        assertThat(ChartPhase.of(closes)).as("the bars are Weinstein stage 3").isEqualTo(ChartPhase.STAGE_3);
        double tickPrice = 10_000;
        double atr = Indicators.atr14(bars.subList(bars.size() - 30, bars.size()));
        // buy − 2×ATR < tick < buy − 1.6×ATR: only the ×0.8 of the chart-phase warning brings the stop above the tick
        double buy = Math.round(tickPrice + 1.8 * atr);

        Optional<SellOrder> sell = tick(position(100, buy), bars, props(false, false, false, enabled),
                () -> "SIDEWAYS", tickPrice);

        if (enabled) {
            assertThat(sell.orElseThrow().sellReason()).startsWith("ATR Stop (Price 10,000 < ");
        } else {
            assertThat(sell).isEmpty();
        }
    }

    @ParameterizedTest(name = "chart phase enabled={0}")
    @ValueSource(booleans = {false, true})
    void chartPhaseWarningTightensTheTrailingTakeProfitOnlyWhenOn(boolean enabled) {
        // high +6.5 % (armed either way), now +3.5 % (≥ min 3 %): 2.8 % under the high, past the warning's drop
        // 3.5 × 0.7 = 2.45 % (Python's float prints 2.4499999999999997) but not past 3.5 %; 10 shares: no scale-out
        List<DailyPrice> bars = stageThreeBars(125);
        ExitsProperties props = props(false, false, false, enabled);
        PositionBook book = new PositionBook(props.rewatchDelay());
        book.refresh(List.of(position(10, 10_000)), clock.instant());
        List<SellOrder> sent = new ArrayList<>();
        ExitEngine engine = new ExitEngine(book, new ExitStateStore(null), new DailyBarSource((c, n) ->
                bars.subList(Math.max(0, bars.size() - n), bars.size()), props.dailyBarsNeeded()),
                sent::add, clock, c -> ExitThresholds.defaults(), () -> "SIDEWAYS", () -> 1.0, props,
                ExitChain.standard());
        assertThat(engine.onTick("005930", 10_650, clock.instant())).isEmpty();
        Optional<SellOrder> sell = engine.onTick("005930", 10_350, clock.instant());
        if (enabled) {
            assertThat(sell.orElseThrow().sellReason()).startsWith("Trailing TP: High 10,650 (-2.44");
        } else {
            assertThat(sell).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} daily rows")
    @ValueSource(ints = {124, 125})
    void chartPhaseWarningNeeds125DailyRows(int rows) {
        List<DailyPrice> bars = stageThreeBars(rows);
        double atr = Indicators.atr14(bars.subList(bars.size() - 30, bars.size()));
        double buy = Math.round(10_000 + 1.8 * atr);
        Optional<SellOrder> sell = tick(position(100, buy), bars, props(false, false, false, true), () -> "SIDEWAYS",
                10_000);
        assertThat(sell.isPresent()).isEqualTo(rows >= ChartPhase.MIN_ROWS);
    }

    /**
     * {@code rows} sessions ending like ChartPhaseTest's stage 3: flat at 10,000, 15 sessions at 12,000, 5 at 10,400
     * (MA60 above MA120, the close under MA60); high/low ±50 (the jumps make the ATR). Dated before the test's day.
     */
    static List<DailyPrice> stageThreeBars(int rows) {
        List<DailyPrice> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 6, 1);
        long prev = 10_000;
        for (int i = 0; i < rows; i++) {
            int fromEnd = rows - i;
            long close = fromEnd <= 5 ? 10_400 : fromEnd <= 20 ? 12_000 : 10_000;
            bars.add(new DailyPrice("005930", day.plusDays(i), prev, Math.max(prev, close) + 50,
                    Math.min(prev, close) - 50, close, 1_000_000));
            prev = close;
        }
        return bars;
    }
}
