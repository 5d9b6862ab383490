package com.primejennie.buyscanner.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.shared.macro.TradingContext;
import com.primejennie.shared.macro.TradingContextCalculator;
import com.primejennie.shared.macro.MacroInputs;
import com.primejennie.buyscanner.testing.Scenario;
import com.primejennie.buyscanner.testing.Scenario.Bars;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.shared.domain.HotWatchlist.StrategyRef;

/** Regime enablement, flags, the macro allow-list, order and containment of the strategy list. */
class StrategyBookTest {

    private final List<String> failures = new ArrayList<>();
    private final StrategyBook book = new StrategyBook((code, strategy, error) -> failures.add(code + ":" + strategy));

    /** Nothing fires on flat bars with low scores, so every enabled strategy leaves a check. */
    private static Scenario quiet(String regime) {
        return Scenario.of().regime(regime).llm(50.0).hybrid(50.0).bars(Bars.flat(30, 10_000, 100));
    }

    private static String checked(StrategyBook.Outcome outcome) {
        return String.join(" ", outcome.checks().stream().map(StrategyCheck::strategy).toList());
    }

    @ParameterizedTest(name = "{0}, daily patterns on {1}")
    @CsvSource(delimiter = '|', value = {
            "BULL|false|WATCHLIST_CONVICTION_ENTRY MOMENTUM_CONTINUATION_BULL DIP_BUY GOLDEN_CROSS MOMENTUM",
            "STRONG_BULL|true|WATCHLIST_CONVICTION_ENTRY MOMENTUM_CONTINUATION_BULL SHORT_TERM_HIGH_BREAKOUT "
                    + "VOLUME_BREAKOUT_1MIN BULL_PULLBACK VCP_BREAKOUT INSTITUTIONAL_ENTRY DIP_BUY GOLDEN_CROSS MOMENTUM",
            "SIDEWAYS|true|WATCHLIST_CONVICTION_ENTRY DIP_BUY GOLDEN_CROSS RSI_REBOUND MOMENTUM",
            "UNKNOWN|false|WATCHLIST_CONVICTION_ENTRY DIP_BUY GOLDEN_CROSS RSI_REBOUND MOMENTUM"})
    void regimeEnablementAndFlags(String regime, boolean dailyPatterns, String expected) {
        Scenario s = quiet(regime).set("ENABLE_BULL_PULLBACK", dailyPatterns).set("ENABLE_VCP_BREAKOUT", dailyPatterns)
                .set("ENABLE_INSTITUTIONAL_ENTRY", dailyPatterns)
                .set("ENABLE_SHORT_TERM_HIGH_BREAKOUT", dailyPatterns)
                .set("ENABLE_VOLUME_BREAKOUT_1MIN", dailyPatterns);
        StrategyBook.Outcome outcome = book.run(s.context());
        assertThat(outcome.hit()).isEmpty();
        assertThat(checked(outcome)).isEqualTo(expected);
    }

    @Test
    void rsiReboundAndBollingerAreSkippedInBullMarketsEvenWhenListed() {
        Scenario s = quiet("BULL").strategies(List.of(new StrategyRef("RSI_REBOUND", Map.of()),
                new StrategyRef("BB_LOWER", Map.of()), new StrategyRef("RSI_OVERSOLD", Map.of()),
                new StrategyRef("MOMENTUM", Map.of())));
        assertThat(checked(book.run(s.context()))).endsWith("DIP_BUY MOMENTUM");
        // (flat bars: σ = 0, so BB_LOWER would fire at the close itself; one won above it)
        assertThat(checked(book.run(quiet("SIDEWAYS").tick(10_001).strategies(s.stock().strategies()).context())))
                .endsWith("DIP_BUY RSI_REBOUND BB_LOWER MOMENTUM");
    }

    @Test
    void macroAllowListBlocksTheBreakoutsAtRiskOffLevelTwo() {
        TradingContext levelTwo = TradingContextCalculator.compute(new MacroInputs(36.0, "elevated", null, 35.0,
                null, "low", null, null, List.of()));
        assertThat(levelTwo.riskOffLevel()).isEqualTo(2);
        Scenario s = quiet("BULL").macro(levelTwo).set("ENABLE_VCP_BREAKOUT", true)
                .set("ENABLE_SHORT_TERM_HIGH_BREAKOUT", true).set("ENABLE_BULL_PULLBACK", true);
        StrategyBook.Outcome outcome = book.run(s.context());
        assertThat(outcome.checks()).filteredOn(c -> c.strategy().equals("VCP_BREAKOUT")).singleElement()
                .extracting(StrategyCheck::reason).isEqualTo("not allowed by the macro context");
        assertThat(outcome.checks()).filteredOn(c -> c.strategy().equals("SHORT_TERM_HIGH_BREAKOUT"))
                .singleElement().extracting(StrategyCheck::reason).isEqualTo("not allowed by the macro context");
        assertThat(outcome.checks()).filteredOn(c -> c.strategy().equals("BULL_PULLBACK")).singleElement()
                .extracting(StrategyCheck::reason).isNotEqualTo("not allowed by the macro context");
    }

    @Test
    void rsiReboundMissNoLongerAbortsTheEvaluationSoMomentumFires_DEFECT_5_2() {
        double[] closes = new double[30];
        for (int i = 0; i < 30; i++) {
            closes[i] = 10_000 + 10 * i + (i % 2 == 0 ? 0 : -25);
        }
        Scenario s = Scenario.of().regime("SIDEWAYS").llm(50.0).bars(Bars.closes(100, closes));
        StrategyBook.Outcome outcome = book.run(s.context());
        assertThat(outcome.hit()).get().extracting(StrategyCheck::strategy).isEqualTo("MOMENTUM");
        assertThat(checked(outcome)).isEqualTo("WATCHLIST_CONVICTION_ENTRY DIP_BUY GOLDEN_CROSS RSI_REBOUND MOMENTUM");
    }

    @Test
    void aStrategyThatThrowsIsContainedCountedAndTheNextOneRuns() {
        Scenario s = Scenario.of().regime("SIDEWAYS").llm(50.0).bars(Bars.closes(100, ramp()))
                .strategies(List.of(new StrategyRef("MOMENTUM", Map.of("threshold", "abc")),
                        new StrategyRef("MOMENTUM", Map.of("threshold", 1.5))));
        StrategyBook.Outcome outcome = book.run(s.context());
        assertThat(failures).containsExactly("005930:MOMENTUM");
        assertThat(outcome.checks().get(outcome.checks().size() - 2).reason()).startsWith("error: ");
        assertThat(outcome.hit()).isPresent();
    }

    @Test
    void theFirstStrategyThatFiresWins() {
        Scenario s = Scenario.of().regime("SIDEWAYS").llm(70.0).bars(Bars.closes(100, ramp())).tick(9_800)
                .entry(new EntryInfo(Scenario.DAY.minusDays(1), 10_000.0, 1));
        assertThat(book.run(s.context()).hit()).get().extracting(StrategyCheck::strategy).isEqualTo("DIP_BUY");
    }

    @Test
    void defaultListUsesTheRegimesRsiThreshold() {
        assertThat(StrategyBook.defaultList(quiet("BULL").context()).get(1).params()).containsEntry("threshold", 50.0);
        assertThat(StrategyBook.defaultList(quiet("SIDEWAYS").context()).get(1).params())
                .containsEntry("threshold", 40.0);
        assertThat(StrategyBook.defaultList(quiet("UNKNOWN").context()).get(1).params())
                .containsEntry("threshold", 30.0);
        assertThat(StrategyBook.defaultList(quiet("UNKNOWN").context()).get(2).params())
                .containsEntry("threshold", 1.5);
    }

    private static double[] ramp() {
        double[] closes = new double[30];
        for (int i = 0; i < 30; i++) {
            closes[i] = 10_000 + 10 * i;
        }
        return closes;
    }
}
