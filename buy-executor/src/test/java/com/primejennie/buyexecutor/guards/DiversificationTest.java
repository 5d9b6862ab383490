package com.primejennie.buyexecutor.guards;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiversificationTest {

    private static final String SEMI = "반도체와반도체장비";

    @Test
    void approvesWithinSectorAndStockLimits() {
        // total 10,000,000 (cash 8,000,000 + 2,000,000 semis): 10 x 100,000 = 10% stock, 30% sector
        Diversification.Result r = Diversification.apply(SEMI, 10, 100_000, 8_000_000,
                List.of(new Exposure("000660", SEMI, "반도체/IT", 2_000_000)), 30, 15, "SIDEWAYS");
        assertThat(r.approved()).isTrue();
        assertThat(r.quantity()).isEqualTo(10);
    }

    @Test
    void sectorViolationResizesToTheRoomLessATenthOfAPoint() {
        // total 10,000,000; sector 1,500,000 (15%); room 15 pt; candidate 14 x 100,000 = 14% -> 29% ok. Use 16 x:
        // 31% > 30 -> newQty = floor(10,000,000 x 14.9% / 100,000) = 14 (14/16 >= 0.5)
        Diversification.Result r = Diversification.apply(SEMI, 16, 100_000, 8_500_000,
                List.of(new Exposure("000660", SEMI, "반도체/IT", 1_500_000)), 30, 20, "SIDEWAYS");
        assertThat(r.approved()).isTrue();
        assertThat(r.quantity()).isEqualTo(14);
    }

    @Test
    void openOrdersCountInTheSectorExposure() {
        // holding 1,000,000 + open order 1,900,000 in semis = 29% of 10,000,000 -> room 1 pt -> 9 shares of 10,000
        // vs 100 asked -> smart skip
        Diversification.Result r = Diversification.apply(SEMI, 100, 10_000, 7_100_000,
                List.of(new Exposure("000660", SEMI, "반도체/IT", 1_000_000),
                        new Exposure("005930", SEMI, "반도체/IT", 1_900_000)), 30, 15, "SIDEWAYS");
        assertThat(r.skipReason()).isEqualTo("Smart Skip (Sector Limit)");
    }

    @Test
    void sectorWithHalfAPointOfRoomOrLessFails() {
        Diversification.Result r = Diversification.apply(SEMI, 1, 100_000, 7_050_000,
                List.of(new Exposure("000660", SEMI, "반도체/IT", 2_950_000)), 30, 15, "SIDEWAYS");
        assertThat(r.skipReason()).isEqualTo("Diversification check failed");
    }

    @Test
    void stockViolationResizesOrSmartSkips() {
        // total 10,000,000 all cash; 20 x 100,000 = 20% > 15 -> floor(14.9%) = 14 shares
        assertThat(Diversification.apply("화학", 20, 100_000, 10_000_000, List.of(), 30, 15, "SIDEWAYS").quantity())
                .isEqualTo(14);
        // 40 x 50,000 = 20%: wait sector 20% < 30; stock > 15 -> floor(1,490,000/50,000)=29; 29/40 >= 0.5 ok
        assertThat(Diversification.apply("화학", 40, 50_000, 10_000_000, List.of(), 30, 15, "SIDEWAYS").quantity())
                .isEqualTo(29);
        // 29% asked, 14.9% allowed -> 14/29 < 0.5
        assertThat(Diversification.apply("화학", 29, 100_000, 10_000_000, List.of(), 40, 15, "SIDEWAYS").skipReason())
                .isEqualTo("Smart Skip (Stock Limit)");
    }

    @Test
    void resizeBelowOneShareSkips() {
        // price above 14.9% of total: newQty 0
        assertThat(Diversification.apply("화학", 1, 2_000_000, 10_000_000, List.of(), 40, 15, "SIDEWAYS")
                .skipReason()).isEqualTo("Resized quantity is 0 or invalid");
        assertThat(Diversification.apply(SEMI, 1, 2_000_000, 9_000_000,
                List.of(new Exposure("x", SEMI, "g", 1_000_000)), 15, 15, "SIDEWAYS").skipReason())
                .isEqualTo("Resized quantity is 0");
    }

    @Test
    void strongBullWidensLimitsToFiftyAndTwenty() {
        assertThat(Diversification.apply("화학", 19, 100_000, 10_000_000, List.of(), 30, 15, "STRONG_BULL")
                .quantity()).isEqualTo(19);
    }
}
