package com.primejennie.scoutjob.scout.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quant scoring v2 (spec/control-and-intelligence.md §3.7 step 3) with hand-computed cases: every sub-factor's
 * table, each category on a constructed series, the stage multipliers and the neutral defaults of missing data.
 */
class QuantScorerV2Test {

    private final QuantScorerV2 scorer = new QuantScorerV2();

    private static QuantInputs inputs(double[] closes, long volume, List<InvestorDay> flows, List<Quarter> quarters,
                                      Double per, Double pbr, Double sentiment, Double momentum) {
        return new QuantInputs("005930", "삼성전자", "반도체와반도체장비", Bars.of(closes, volume),
                Bars.of(Bars.flat(30, 2500), 1), per, pbr, sentiment, momentum, flows, quarters, 1.0, 30);
    }

    @Test
    void givesEveryMissingOptionalInputItsNeutralPointsAndRecordsZeroCompleteness() {
        // 30 flat closes of 10,000, volume 1,000, nothing else.
        QuantResult r = scorer.score(new QuantInputs("005930", "삼성전자", null, Bars.of(Bars.flat(30, 10_000), 1000),
                List.of(), null, null, null, null, List.of(), List.of(), 1.0, 30));
        assertThat(r.valid()).isTrue();
        // momentum: 6M 0 % → 2, 1M 0 % → 2, bounce 10000/9950 = +0.5 % → 1, no breakout → 0
        assertThat(r.momentum()).isEqualTo(5);
        // quality: ROE neutral 2 + trend neutral 4 + EPS neutral 2.5 + stability (stdev 0) 3
        assertThat(r.quality()).isEqualTo(11.5);
        // value: PBR missing 0 + PER missing 0 + discount neutral 2.5 + PEG neutral 2.5
        assertThat(r.value()).isEqualTo(5);
        // technical: volume ratio 1.0 → 1, RSI 50 (no change) → 1, accumulation 0
        assertThat(r.technical()).isEqualTo(2);
        // news: neutral 50 → 2, momentum neutral 3
        assertThat(r.news()).isEqualTo(5);
        // supply: foreign 2.5 + institution 1.5 + reversal 0 + ratio trend 1 + both buyers 0
        assertThat(r.supplyDemand()).isEqualTo(5);
        assertThat(r.stage()).isEqualTo("UNKNOWN");
        assertThat(r.total()).isEqualTo(33.5);
        assertThat(r.completeness()).isZero();
        assertThat(r.missing()).containsExactlyInAnyOrder("kospi", "financials", "snapshot_ratios", "sentiment",
                "flows");
    }

    @Test
    void isInvalidWithFewerThanThirtyRows() {
        QuantResult r = scorer.score(inputs(Bars.flat(29, 10_000), 1000, List.of(), List.of(), null, null, null,
                null));
        assertThat(r.valid()).isFalse();
        assertThat(r.total()).isZero();
    }

    @Test
    void scoresMomentumOfASteadyRiseByHand() {
        // closes 10,000 + 100·i for i = 0..29; KOSPI flat (30 rows: 6M falls back to absolute, 1M is relative to 0 %)
        QuantResult r = scorer.score(inputs(Bars.linear(30, 10_000, 100), 1000, List.of(), List.of(), null, null,
                null, null));
        // 6M: 12,900 / 10,000 − 1 = 29 % → 5; 1M: 12,900 / 10,900 − 1 = 18.3 % → 5;
        // bounce from the 20-day low 10,950 (low of 11,000): 17.8 % → 5;
        // Bollinger(20,2) upper = 11,950 + 2·576.6 = 13,103 > 12,900 → no breakout → 0
        assertThat(r.momentum()).isEqualTo(15);
        assertThat(r.number(QuantResult.MOMENTUM, "return_6m_pct")).isEqualTo(29.0);
        assertThat(r.text(QuantResult.MOMENTUM, "return_6m_relative")).isEqualTo("false");
        // technical: volume ratio 1 → 1, RSI 100 (only gains) → 0, accumulation (no volume rise) → 0
        assertThat(r.technical()).isEqualTo(1);
        assertThat(r.number(QuantResult.TECHNICAL, "rsi")).isEqualTo(100.0);
        // drawdown from the 20-day high 12,950: 12,900 / 12,950 − 1 = −0.39 %
        assertThat(r.number(QuantResult.TECHNICAL, "drawdown_from_high_pct")).isCloseTo(-0.39, within(0.01));
    }

    @Test
    void scoresQualityValueNewsAndSupplyFromTheirInputsByHand() {
        LocalDate q = LocalDate.of(2025, 3, 31);
        List<Quarter> quarters = List.of(new Quarter(q, 10.0, 12.0, 1000.0), new Quarter(q.plusMonths(3), 11.0, 11.0,
                1100.0), new Quarter(q.plusMonths(6), 12.0, 10.0, 1200.0), new Quarter(q.plusMonths(9), 14.0, 11.0,
                1300.0));
        // 10 days of flows; volume 1,000/day → 5-day volume 5,000
        List<InvestorDay> flows = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean recent = i >= 5;
            flows.add(new InvestorDay(LocalDate.of(2025, 7, 1).plusDays(i), recent ? 60.0 : -20.0,
                    recent ? 30.0 : 0.0, recent ? -90.0 : 20.0, 20.0 + i * 0.2));
        }
        QuantResult r = scorer.score(inputs(Bars.flat(30, 10_000), 1000, flows, quarters, 8.0, 0.9, 75.0, 12.0));
        // quality: ROE 14 → 3; trend 14 − 10 = +4 pp → 8; EPS growth 1300/1000 − 1 = 30 % → 5; stability 3
        assertThat(r.quality()).isEqualTo(19);
        // value: PBR 0.9 → 4; PER 8 → 5; historical PER (12+11+10+11)/4 = 11, discount 27.3 % → 4;
        // PEG 8 / 30 = 0.27 → 5
        assertThat(r.value()).isEqualTo(18);
        // news: 75/100·4 = 3; momentum 3 + 12/10 = 4.2
        assertThat(r.news()).isEqualTo(7.2);
        // supply: foreign 300/5000 = 6 % → 5; institution 150/5000 = 3 % → 3; previous 5 days −100 → now +300:
        // BUY_TURN +3; holding ratio 21.8 − 20.0 = +1.8 pp → 5; both buyers with individuals selling → 4; = 20 (cap)
        assertThat(r.supplyDemand()).isEqualTo(20);
        assertThat(r.text(QuantResult.SUPPLY_DEMAND, "flow_reversal")).isEqualTo("BUY_TURN");
        assertThat(r.completeness()).isEqualTo(0.8); // only KOSPI history (30 rows < 120) is short
    }

    @ParameterizedTest(name = "6M {0} % → {1}")
    @CsvSource({"25,5", "20,5", "10,4", "5,3", "0,2", "-10,1", "-10.1,0"})
    void sixMonthReturnTable(double pct, double points) {
        assertThat(QuantScorerV2.sixMonthPoints(pct)).isEqualTo(points);
    }

    @ParameterizedTest(name = "1M {0} % → {1}")
    @CsvSource({"10,5", "5,4", "2,3", "0,2", "-5,1", "-6,0"})
    void oneMonthReturnTable(double pct, double points) {
        assertThat(QuantScorerV2.oneMonthPoints(pct)).isEqualTo(points);
    }

    @ParameterizedTest(name = "bounce {0} % → {1}")
    @CsvSource({"0,1", "4.9,1", "5,3", "9.9,3", "10,5", "30,5", "30.1,2", "50,2", "51,0"})
    void bounceFromLowTable(double pct, double points) {
        assertThat(QuantScorerV2.bouncePoints(pct)).isEqualTo(points);
    }

    @ParameterizedTest(name = "ROE {0} → {1}")
    @CsvSource(value = {"15,4", "10,3", "5,2", "0,1", "-1,0", "null,2"}, nullValues = "null")
    void roeLevelTable(Double roe, double points) {
        assertThat(QuantScorerV2.roePoints(roe)).isEqualTo(points);
    }

    @ParameterizedTest(name = "ROE trend {0} pp → {1}")
    @CsvSource(value = {"3,8", "1,6", "0,4", "-1,2", "-3,0", "null,4"}, nullValues = "null")
    void roeTrendTable(Double pp, double points) {
        assertThat(QuantScorerV2.roeTrendPoints(pp)).isEqualTo(points);
    }

    @ParameterizedTest(name = "EPS growth {0} % → {1}")
    @CsvSource(value = {"30,5", "15,4", "5,3", "0,2", "-1,0", "null,2.5"}, nullValues = "null")
    void epsGrowthTable(Double pct, double points) {
        assertThat(QuantScorerV2.epsGrowthPoints(pct)).isEqualTo(points);
    }

    @ParameterizedTest(name = "stdev {0} % → {1}")
    @CsvSource({"1.4,3", "2.4,2", "3.9,1", "4,0"})
    void stabilityTable(double stdev, double points) {
        assertThat(QuantScorerV2.stabilityPoints(stdev)).isEqualTo(points);
    }

    @ParameterizedTest(name = "PBR {0} → {1}")
    @CsvSource(value = {"0.5,5", "1.0,4", "1.5,3", "2.5,2", "4,1", "4.1,0", "0,0", "null,0"}, nullValues = "null")
    void pbrTable(Double pbr, double points) {
        assertThat(QuantScorerV2.pbrPoints(pbr)).isEqualTo(points);
    }

    @ParameterizedTest(name = "PER {0} → {1}")
    @CsvSource(value = {"8,5", "12,4", "18,3", "25,2", "40,1", "41,0", "-3,0", "null,0"}, nullValues = "null")
    void perTable(Double per, double points) {
        assertThat(QuantScorerV2.perPoints(per)).isEqualTo(points);
    }

    @ParameterizedTest(name = "PER {0} vs historical {1} → {2}")
    @CsvSource(value = {"7,10,5", "8.5,10,4", "10,10,3", "11.5,10,2", "12.9,10,1", "13.1,10,0", "10,null,2.5"},
            nullValues = "null")
    void perDiscountTable(Double per, Double historical, double points) {
        assertThat(QuantScorerV2.perDiscountPoints(per, historical)).isEqualTo(points);
    }

    @ParameterizedTest(name = "PEG PER {0} / growth {1} → {2}")
    @CsvSource(value = {"5,10,5", "10,10,4", "15,10,3", "20,10,2", "25,10,1", "10,-5,1", "null,10,2.5",
            "10,null,2.5"}, nullValues = "null")
    void pegTable(Double per, Double growth, double points) {
        assertThat(QuantScorerV2.pegPoints(per, growth)).isEqualTo(points);
    }

    @ParameterizedTest(name = "volume ratio {0} → {1}")
    @CsvSource({"2.0,3", "1.5,2", "1.0,1", "0.9,0"})
    void volumeRatioTable(double ratio, double points) {
        assertThat(QuantScorerV2.volumeRatioPoints(ratio)).isEqualTo(points);
    }

    @ParameterizedTest(name = "RSI {0} ×{1} → {2}")
    @CsvSource(value = {"30,1.0,3", "31,1.0,2", "45,1.0,2", "65,1.0,1", "66,1.0,0", "40,1.2,2.4", "20,1.5,3",
            "null,1.0,0"}, nullValues = "null")
    void rsiTableWithSectorMultiplier(Double rsi, double multiplier, double points) {
        assertThat(QuantScorerV2.rsiPoints(rsi, 30, multiplier)).isCloseTo(points, within(1e-9));
    }

    @ParameterizedTest(name = "price {0} %, volume ×{1} → {2}")
    @CsvSource({"-2,1.2,4", "-5,1.5,4", "1.9,1.2,2", "-1.9,1.3,2", "2,1.2,0", "-5,1.1,0"})
    void accumulationTable(double price, double volume, double points) {
        assertThat(QuantScorerV2.accumulationPoints(price, volume)).isEqualTo(points);
    }

    @ParameterizedTest(name = "sentiment momentum {0} → {1}")
    @CsvSource(value = {"30,6", "40,6", "0,3", "-15,1.5", "-40,0", "null,3"}, nullValues = "null")
    void sentimentMomentumTable(Double momentum, double points) {
        assertThat(QuantScorerV2.sentimentMomentumPoints(momentum)).isEqualTo(points);
    }

    @ParameterizedTest(name = "foreign {0} of 5000 → {1}")
    @CsvSource(value = {"300,5", "150,4", "50,3", "0,2.5", "-50,2", "-200,1", "-300,0", "null,2.5"},
            nullValues = "null")
    void foreignNetBuyTable(Double net, double points) {
        assertThat(QuantScorerV2.foreignPoints(net, 5000)).isEqualTo(points);
    }

    @ParameterizedTest(name = "institution {0} of 5000 → {1}")
    @CsvSource(value = {"150,3", "50,2", "0,1.5", "-50,1", "-150,0", "null,1.5"}, nullValues = "null")
    void institutionNetBuyTable(Double net, double points) {
        assertThat(QuantScorerV2.institutionPoints(net, 5000)).isEqualTo(points);
    }

    @ParameterizedTest(name = "holding ratio {0} pp → {1}")
    @CsvSource(value = {"1,5", "0.5,4", "0.1,3", "0,2", "-0.4,1", "-0.5,0", "null,1"}, nullValues = "null")
    void foreignRatioTrendTable(Double pp, double points) {
        assertThat(QuantScorerV2.foreignRatioPoints(pp)).isEqualTo(points);
    }

    @ParameterizedTest(name = "foreign {0}, institution {1}, individuals {2} → {3}")
    @CsvSource(value = {"10,10,-5,4", "10,10,5,3", "10,10,null,3", "10,-1,-5,0", "null,10,-5,0"},
            nullValues = "null")
    void bothNetBuyersTable(Double foreign, Double inst, Double indiv, double points) {
        assertThat(QuantScorerV2.bothBuyersPoints(foreign, inst, indiv)).isEqualTo(points);
    }

    @ParameterizedTest(name = "previous {0}, last {1} → {2}")
    @CsvSource(value = {"-100,300,BUY_TURN", "100,-300,SELL_TURN", "100,300,NONE", "null,300,NONE"},
            nullValues = "null")
    void flowReversalTable(Double previous, Double last, String reversal) {
        assertThat(QuantScorerV2.FlowReversal.of(previous, last).name()).isEqualTo(reversal);
    }

    @Test
    void stageTwoMultipliesByOnePointTwoAndStageFourBlocks() {
        QuantResult rising = scorer.score(inputs(Bars.geometric(130, 10_000, 0.1), 1000, List.of(), List.of(), null,
                null, null, null));
        assertThat(rising.stage()).isEqualTo("STAGE_2");
        assertThat(rising.total()).isCloseTo(rising.categorySum() * 1.2, within(0.01));

        QuantResult falling = scorer.score(inputs(Bars.geometric(130, 10_000, -0.1), 1000, List.of(), List.of(),
                null, null, null, null));
        assertThat(falling.stage()).isEqualTo("STAGE_4");
        assertThat(falling.categorySum()).isPositive();
        assertThat(falling.total()).isZero();
    }

    @Test
    void totalIsNotCappedAtOneHundred() {
        QuantResult r = new QuantResult("005930", "x", null, true, 96 * 1.2, 20, 20, 20, 10, 6, 20, "STAGE_2", 1.2,
                null, 1, null);
        assertThat(r.total()).isGreaterThan(100);
    }

    @Test
    void sixMonthReturnIsRelativeToKospiWithEnoughKospiHistory() {
        double[] stock = Bars.geometric(130, 10_000, 0.1);
        QuantInputs in = new QuantInputs("005930", "삼성전자", null, Bars.of(stock, 1000),
                Bars.of(Bars.geometric(130, 2500, 0.1), 1), null, null, null, null, List.of(), List.of(), 1.0, 30);
        QuantResult r = scorer.score(in);
        assertThat(r.text(QuantResult.MOMENTUM, "return_6m_relative")).isEqualTo("true");
        // same path as KOSPI (rounding of whole-won closes aside) → relative return about 0
        assertThat(r.number(QuantResult.MOMENTUM, "return_6m_pct")).isCloseTo(0.0, within(0.2));
    }
}
