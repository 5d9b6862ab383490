package com.primejennie.buyexecutor.guards;

import com.primejennie.shared.domain.SectorBudget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioGuardTest {

    private static final PortfolioGuard.Limits LIMITS = new PortfolioGuard.Limits(true, 3, 15);

    private static List<Exposure> semis(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Exposure("00000" + i, "반도체와반도체장비", "반도체/IT", 100_000)).toList();
    }

    @Test
    void blocksTheFourthStockOfASectorGroupCountingOpenOrders() {
        // two holdings + one open order in 반도체/IT = 3 >= MAX_SECTOR_STOCKS 3
        Optional<String> r = PortfolioGuard.check("반도체/IT", 100_000, 9_000_000, 10_000_000, semis(3),
                Optional.empty(), LIMITS);
        assertThat(r).get().asString().startsWith("Portfolio Guard: ");
        assertThat(PortfolioGuard.check("반도체/IT", 100_000, 9_000_000, 10_000_000, semis(2), Optional.empty(),
                LIMITS)).isEmpty();
    }

    @Test
    void sectorBudgetPortfolioCapWinsOverMaxSectorStocks() {
        SectorBudget hot = new SectorBudget("t", Map.of("반도체/IT",
                new SectorBudget.Group(SectorBudget.Tier.HOT, 5, 5, 1.0, 10)));
        SectorBudget cool = new SectorBudget("t", Map.of("반도체/IT",
                new SectorBudget.Group(SectorBudget.Tier.COOL, 2, 2, -1.0, 10)));
        assertThat(PortfolioGuard.check("반도체/IT", 100_000, 9_000_000, 10_000_000, semis(4), Optional.of(hot),
                LIMITS)).isEmpty();
        assertThat(PortfolioGuard.check("반도체/IT", 100_000, 9_000_000, 10_000_000, semis(2), Optional.of(cool),
                LIMITS)).isPresent();
        // a group missing from the budget falls back to MAX_SECTOR_STOCKS
        assertThat(PortfolioGuard.check("금융", 100_000, 9_000_000, 10_000_000,
                List.of(new Exposure("1", "은행", "금융", 1), new Exposure("2", "은행", "금융", 1),
                        new Exposure("3", "증권", "금융", 1)), Optional.of(hot), LIMITS)).isPresent();
    }

    @Test
    void cashFloorSkipsWithoutResizing() {
        // cash 2,000,000 of 10,000,000; buying 600,000 leaves 14% < 15% SIDEWAYS floor
        assertThat(PortfolioGuard.check("화학", 600_000, 2_000_000, 10_000_000, List.of(), Optional.empty(), LIMITS))
                .get().asString().startsWith("Portfolio Guard: ");
        assertThat(PortfolioGuard.check("화학", 500_000, 2_000_000, 10_000_000, List.of(), Optional.empty(), LIMITS))
                .isEmpty();
    }

    @Test
    void disabledGuardRunsInShadowModeAndPasses() {
        assertThat(PortfolioGuard.check("반도체/IT", 100_000, 0, 10_000_000, semis(5), Optional.empty(),
                new PortfolioGuard.Limits(false, 3, 15))).isEmpty();
    }

    @Test
    void cashFloorRegimeFallsBackToSideways() {
        assertThat(PortfolioGuard.cashFloorRegime("STRONG_BULL")).isEqualTo("STRONG_BULL");
        assertThat(PortfolioGuard.cashFloorRegime("BEAR")).isEqualTo("BEAR");
        assertThat(PortfolioGuard.cashFloorRegime("MANUAL")).isEqualTo("SIDEWAYS");
        assertThat(PortfolioGuard.cashFloorRegime("STRONG_BEAR")).isEqualTo("SIDEWAYS");
        assertThat(PortfolioGuard.cashFloorRegime(null)).isEqualTo("SIDEWAYS");
    }
}
