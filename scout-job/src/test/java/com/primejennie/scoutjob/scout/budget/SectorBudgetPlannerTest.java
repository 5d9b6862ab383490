package com.primejennie.scoutjob.scout.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.scoutjob.scout.budget.SectorBudgetPlanner.GroupReturn;
import com.primejennie.shared.domain.SectorBudget;
import com.primejennie.shared.domain.SectorBudget.Tier;

/** The dynamic sector budget of spec/upstream-2026-02-18.md: percentile tiers, the 30 % rule, caps and selection. */
class SectorBudgetPlannerTest {

    private static GroupReturn g(String name, double ret) {
        return new GroupReturn(name, ret, 10, 0);
    }

    @Test
    void tiersByTheUpstreamPercentileIndexes() {
        // n = 8 sorted: −3, −1, 0.5, 1, 2, 4, 6, 8 → p25 at index max(0, int(8·0.25) − 1) = 1 → −1;
        // p75 at index min(7, int(8·0.75)) = 6 → 6
        SectorBudget b = SectorBudgetPlanner.plan(List.of(g("a", -3), g("b", -1), g("c", 0.5), g("d", 1), g("e", 2),
                g("f", 4), g("g", 6), g("h", 8)), "t");
        assertThat(b.groups().get("a").tier()).isEqualTo(Tier.COOL);
        assertThat(b.groups().get("b").tier()).isEqualTo(Tier.COOL);
        assertThat(b.groups().get("c").tier()).isEqualTo(Tier.WARM);
        assertThat(b.groups().get("f").tier()).isEqualTo(Tier.WARM);
        assertThat(b.groups().get("g").tier()).isEqualTo(Tier.HOT);
        assertThat(b.groups().get("h").tier()).isEqualTo(Tier.HOT);
        assertThat(b.groups().get("h").watchlistCap()).isEqualTo(5);
        assertThat(b.groups().get("h").portfolioCap()).isEqualTo(5);
        assertThat(b.groups().get("c").watchlistCap()).isEqualTo(3);
        assertThat(b.groups().get("a").portfolioCap()).isEqualTo(2);
    }

    @Test
    void hotNeedsAPositiveReturnAndCoolANegativeOne() {
        // all negative: the best (−0.5) is ≥ p75 but not > 0 → WARM; all positive: the worst is ≤ p25 but not < 0
        SectorBudget down = SectorBudgetPlanner.plan(List.of(g("a", -3), g("b", -2), g("c", -1), g("d", -0.5)), "t");
        assertThat(down.groups().get("d").tier()).isEqualTo(Tier.WARM);
        assertThat(down.groups().get("a").tier()).isEqualTo(Tier.COOL);
        SectorBudget up = SectorBudgetPlanner.plan(List.of(g("a", 0.5), g("b", 1), g("c", 2), g("d", 3)), "t");
        assertThat(up.groups().get("a").tier()).isEqualTo(Tier.WARM);
        assertThat(up.groups().get("d").tier()).isEqualTo(Tier.HOT);
    }

    @Test
    void aSingleGroupIsBothPercentiles() {
        assertThat(SectorBudgetPlanner.plan(List.of(g("a", 2)), "t").groups().get("a").tier()).isEqualTo(Tier.HOT);
        assertThat(SectorBudgetPlanner.plan(List.of(g("a", -2)), "t").groups().get("a").tier()).isEqualTo(Tier.COOL);
    }

    @ParameterizedTest(name = "{0} of 10 stocks in falling-knife sectors → {1}")
    @CsvSource({"3,COOL", "2,HOT"})
    void thirtyPercentFallingKnifeStocksMakeAGroupCool(int knives, Tier tier) {
        SectorBudget b = SectorBudgetPlanner.plan(List.of(new GroupReturn("hot", 8, 10, knives), g("b", 1),
                g("c", 2), g("d", 3)), "t");
        assertThat(b.groups().get("hot").tier()).isEqualTo(tier);
    }

    @ParameterizedTest(name = "caps {0}/{1}, held {2} → {3}")
    @CsvSource({"5,5,0,5", "5,5,4,2", "3,3,3,1", "2,2,5,1", "3,3,1,3"})
    void effectiveWatchlistCap(int watchlistCap, int portfolioCap, int held, int effective) {
        assertThat(SectorBudgetPlanner.effectiveWatchlistCap(watchlistCap, portfolioCap, held)).isEqualTo(effective);
    }

    private static final SectorBudget BUDGET = new SectorBudget("t", Map.of(
            "A", new SectorBudget.Group(Tier.HOT, 5, 5, 3.0, 10),
            "B", new SectorBudget.Group(Tier.COOL, 2, 2, -3.0, 10)));

    @Test
    void selectsGreedilyWithinCapsWhenTheApprovedListIsTooLong() {
        List<String> ranked = List.of("B1", "B2", "B3", "B4", "A1", "C1", "C2", "C3", "C4", "A2");
        List<String> chosen = SectorBudgetPlanner.select(ranked, 5, BUDGET, s -> s.substring(0, 1), Map.of());
        // B capped at 2, C (not in the budget) at 3
        assertThat(chosen).containsExactly("B1", "B2", "A1", "C1", "C2");
    }

    @Test
    void heldStocksShrinkTheirGroupsCap() {
        List<String> ranked = List.of("A1", "A2", "A3", "B1", "C1", "C2");
        // A: caps 5/5 with 4 held → max(1, min(5, 1 + 1)) = 2
        List<String> chosen = SectorBudgetPlanner.select(ranked, 4, BUDGET, s -> s.substring(0, 1), Map.of("A", 4));
        assertThat(chosen).containsExactly("A1", "A2", "B1", "C1");
    }

    @Test
    void skippedCandidatesRefillAShortList() {
        List<String> ranked = List.of("B1", "B2", "B3", "B4", "B5", "A1");
        List<String> chosen = SectorBudgetPlanner.select(ranked, 4, BUDGET, s -> s.substring(0, 1), Map.of());
        assertThat(chosen).containsExactly("B1", "B2", "B3", "A1");
    }

    @Test
    void keepsEverythingThatFits() {
        assertThat(SectorBudgetPlanner.select(List.of("B1", "B2", "B3"), 5, BUDGET, s -> s.substring(0, 1), Map.of()))
                .containsExactly("B1", "B2", "B3");
    }
}
