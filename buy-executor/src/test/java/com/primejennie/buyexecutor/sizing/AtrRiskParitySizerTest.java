package com.primejennie.buyexecutor.sizing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AtrRiskParitySizerTest {

    private static AtrRiskParitySizer.Input input(double cash, double portfolio, double price, double atr,
                                                  double cashKeep) {
        return new AtrRiskParitySizer.Input(cash, portfolio, price, atr, 1.0, 2.0, cashKeep, 1, 1000);
    }

    @Test
    void workedExampleOfSpecSizesThirtySixShares() {
        // SIDEWAYS, balanced_champion: cash 10,000,000; holdings 5,000,000; price 50,000; ATR 1,500
        long base = AtrRiskParitySizer.baseQuantity(input(10_000_000, 5_000_000, 50_000, 1_500, 5));
        assertThat(base).isEqualTo(36);
        assertThat(AtrRiskParitySizer.applyRatio(base, 1.0)).isEqualTo(36);
    }

    @Test
    void smartSkipsWhenTheCashCapHalvesTheRiskParityQuantity() {
        // total 10,000,000 (cash 1,000,000): rawQty = 100,000 / 2,000 = 50; capCash = 1,000,000 - 500,000 = 500,000
        // < capTotal 1,200,000 -> 500,000/50,000 = 10 < 25 -> 0
        assertThat(AtrRiskParitySizer.baseQuantity(input(1_000_000, 9_000_000, 50_000, 1_000, 5))).isZero();
    }

    @Test
    void capsByTwelvePercentOfTotalWithoutSmartSkip() {
        // total 100,000,000, price 10,000, ATR 100: rawQty 1,000,000/200 = 5000 -> clamp 1000; capTotal 12,000,000
        // -> 1000 shares = 10,000,000 fits
        assertThat(AtrRiskParitySizer.baseQuantity(input(100_000_000, 0, 10_000, 100, 5))).isEqualTo(1000);
    }

    @Test
    void rawQuantityBelowOneBecomesOneShare() {
        // total 1,000,000: riskAmt 10,000; riskShare 2*10,000=20,000 -> raw 0.5 -> MIN 1; 1 share of 100,000 < cap
        // 120,000; riskPct 20,000/1,000,000 = 2% fine
        assertThat(AtrRiskParitySizer.baseQuantity(input(1_000_000, 0, 100_000, 10_000, 5))).isEqualTo(1);
    }

    @Test
    void portfolioHeatAboveFivePercentRefusesTheBuy() {
        // same as above but ATR 30,000: riskShare 60,000 -> 6% heat
        assertThat(AtrRiskParitySizer.baseQuantity(input(1_000_000, 0, 100_000, 30_000, 5))).isZero();
    }

    @Test
    void nothingToSizeWithoutAssets() {
        assertThat(AtrRiskParitySizer.baseQuantity(input(0, 0, 50_000, 1_500, 5))).isZero();
    }

    @ParameterizedTest(name = "base {0} x {1} = {2}")
    @CsvSource({"36,1.0,36", "36,0.5,18", "36,0.3,10", "1,0.3,1", "0,0.5,0", "36,0.75,27"})
    void appliesRatioFlooringButKeepsOneShareOfANonZeroBase(long base, double ratio, long expected) {
        assertThat(AtrRiskParitySizer.applyRatio(base, ratio)).isEqualTo(expected);
    }
}
