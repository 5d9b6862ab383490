package com.primejennie.scoutjob.scout.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ±15 guardrail, the competitor bonus, the blend, the cut-offs and the grade (spec §3.7 step 7). */
class HybridScoreTest {

    @ParameterizedTest(name = "q {0}, r {1}, bonus {2} → l {3}")
    @CsvSource({"60,90,0,75", "60,40,0,45", "60,70,0,70", "60,60,0,60", "60,0,0,45", "60,90,10,85", "95,100,10,100",
            "50,100,30,95"})
    void guardrailClampsToFifteenAroundTheQuantScoreThenAddsTheBonus(double q, double r, double bonus, double l) {
        assertThat(HybridScore.guardrail(q, r, bonus)).isEqualTo(l);
    }

    @ParameterizedTest(name = "q {0}, l {1} → h {2}")
    @CsvSource({
            "60,75,66",       // 0.60·60 + 0.40·75
            "60,45,54",       // 0.60·60 + 0.40·45
            "30,35,32.75",    // l < 40: 0.45·30 + 0.55·35
            "50,85,58.75",    // |q−l| ≥ 30, q < l: 0.75·50 + 0.25·85
            "80,45,59",       // |q−l| ≥ 30, q > l: 0.40·80 + 0.60·45
            "40,40,40"})
    void blendsByTheSpecsFourRules(double q, double l, double h) {
        assertThat(HybridScore.blend(q, l)).isCloseTo(h, within(1e-9));
    }

    @ParameterizedTest(name = "h {0} → approved {1}, tradable {2}, grade {3}")
    @CsvSource({"49.99,false,false,D", "50,true,false,C", "60,true,false,B", "70,true,false,A", "74.99,true,false,A",
            "75,true,true,A", "80,true,true,S"})
    void cutOffsAndGrades(double h, boolean approved, boolean tradable, String grade) {
        assertThat(HybridScore.approved(h)).isEqualTo(approved);
        assertThat(HybridScore.tradable(h)).isEqualTo(tradable);
        assertThat(HybridScore.grade(h)).isEqualTo(grade);
    }
}
