package com.primejennie.shared.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** spec/buy-path.md §2.8, row by row. */
class TradingContextCalculatorTest {

    @ParameterizedTest(name = "vix {0}/{1}, spread {2}, sentiment {3}, political {4} -> level {5}, pos {6}, sl {7}")
    @CsvSource(nullValues = "null", value = {
            "null,normal,null,50,low,0,1.0,1.0",
            "null,low_vol,null,75,low,0,1.2,0.9",
            "26,normal,null,50,low,0,1.0,1.0",
            "26,elevated,null,50,low,0,0.9,1.3",
            "26,elevated,0.2,50,low,1,0.8,1.3",
            "36,crisis,null,35,low,2,0.55,1.5",
            "36,crisis,-0.1,25,critical,3,0.5,1.5",
            "null,normal,null,35,high,1,0.85,1.0",
            "null,normal,-0.5,35,low,2,0.75,1.1"})
    void levelAndMultipliers(Double vix, String regime, Double spread, Double sentiment, String political,
                             int level, double position, double stopLoss) {
        TradingContext ctx = TradingContextCalculator.compute(new MacroInputs(vix, regime, spread, sentiment, null,
                political, null, null, List.of()));
        assertThat(ctx.riskOffLevel()).isEqualTo(level);
        assertThat(ctx.positionMultiplier()).isEqualTo(position);
        assertThat(ctx.stopLossMultiplier()).isEqualTo(stopLoss);
    }

    @Test
    void councilPercentagesAndAvoidListWin() {
        TradingContext ctx = TradingContextCalculator.compute(new MacroInputs(null, "normal", null, 50.0, null, "low",
                80.0, 120.0, List.of("MOMENTUM", "GOLDEN_CROSS")));
        assertThat(ctx.positionMultiplier()).isEqualTo(0.8);
        assertThat(ctx.stopLossMultiplier()).isEqualTo(1.2);
        assertThat(ctx.allowedStrategies()).doesNotContain("MOMENTUM", "GOLDEN_CROSS").contains("VCP_BREAKOUT");
    }

    @Test
    void allowListShrinksWithTheLevel() {
        TradingContext three = TradingContextCalculator.compute(new MacroInputs(40.0, "crisis", -0.1, 20.0, null,
                "low", null, null, List.of()));
        assertThat(three.riskOffLevel()).isEqualTo(3);
        assertThat(three.allowedStrategies()).containsExactly("RSI_REBOUND", "BULL_PULLBACK");
        assertThat(TradingContextCalculator.compute(MacroInputs.none())).isEqualTo(TradingContext.neutral());
    }
}
