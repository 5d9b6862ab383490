package com.primejennie.buyexecutor.guards;

import com.primejennie.shared.domain.SectorBudget;

import java.util.List;
import java.util.Optional;

/**
 * The portfolio guard (spec buy-path §3.4 with upstream 2026-02-18): (1) the number of stocks of the candidate's
 * sector group held or being bought must stay below the group's portfolio cap from {@code sector_budget:active},
 * falling back to {@code MAX_SECTOR_STOCKS}; (2) cash after the buy must stay above the regime's cash floor. It never
 * resizes. Open orders count as holdings.
 */
public final class PortfolioGuard {

    /** Settings of one check. */
    public record Limits(boolean enabled, int maxSectorStocks, double cashFloorPct) {
    }

    private PortfolioGuard() {
    }

    /** Empty when the buy may go on, else the skip reason. */
    public static Optional<String> check(String candidateGroup, double quantityValue, double cash, double total,
                                         List<Exposure> exposures, Optional<SectorBudget> budget, Limits limits) {
        Optional<String> failure = failure(candidateGroup, quantityValue, cash, total, exposures, budget, limits);
        return limits.enabled() ? failure : Optional.empty();
    }

    private static Optional<String> failure(String candidateGroup, double quantityValue, double cash, double total,
                                            List<Exposure> exposures, Optional<SectorBudget> budget, Limits limits) {
        long inGroup = exposures.stream().filter(e -> e.group().equals(candidateGroup)).map(Exposure::code)
                .distinct().count();
        int cap = budget.map(b -> b.groups().get(candidateGroup)).map(SectorBudget.Group::portfolioCap)
                .orElse(limits.maxSectorStocks());
        if (inGroup >= cap) {
            return Optional.of("Portfolio Guard: 섹터 '" + candidateGroup + "' 보유 " + inGroup + "종목 ≥ 한도 " + cap
                    + "종목");
        }
        if (total <= 0) {
            return Optional.of("Portfolio Guard: 총자산 0 이하");
        }
        double cashAfterPct = (cash - quantityValue) / total * 100.0;
        if (cashAfterPct < limits.cashFloorPct()) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "Portfolio Guard: 매수 후 현금 비중 %.1f%% < 하한 %.1f%%", cashAfterPct, limits.cashFloorPct()));
        }
        return Optional.empty();
    }

    /** The cash floor key for a regime: STRONG_BULL, BULL, BEAR have their own; anything else uses SIDEWAYS. */
    public static String cashFloorRegime(String regime) {
        return switch (regime == null ? "" : regime) {
            case "STRONG_BULL", "BULL", "BEAR" -> regime;
            default -> "SIDEWAYS";
        };
    }
}
