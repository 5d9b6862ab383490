package com.primejennie.scoutjob.scout.budget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.primejennie.shared.domain.SectorBudget;
import com.primejennie.shared.domain.SectorBudget.Tier;

/**
 * The dynamic sector budget (spec/upstream-2026-02-18.md "Dynamic sector budget"): group tiers from the groups'
 * returns by percentile, caps per tier, and the greedy watchlist selection within those caps.
 */
public final class SectorBudgetPlanner {

    /** Caps (watchlist / portfolio) of a tier: HOT 5/5, WARM 3/3, COOL 2/2. */
    public static int cap(Tier tier) {
        return switch (tier) {
            case HOT -> 5;
            case WARM -> 3;
            case COOL -> 2;
        };
    }

    /** The cap of a group the budget does not know. */
    public static final int UNKNOWN_GROUP_CAP = 3;
    /** Share of a group's stocks in falling-knife sectors that makes it COOL. */
    public static final double FALLING_KNIFE_SHARE = 0.30;

    /** One group's input: its stock-count-weighted return and how many of its stocks sit in falling-knife sectors. */
    public record GroupReturn(String group, double avgReturnPct, int stockCount, int fallingKnifeStocks) {
    }

    /**
     * Tiers by percentile of the groups' returns (sorted ascending): p25 = value at index
     * {@code max(0, int(n·0.25) − 1)}, p75 at {@code min(n − 1, int(n·0.75))}. HOT when return ≥ p75 and &gt; 0;
     * COOL when return ≤ p25 and &lt; 0, or when ≥ 30 % of the group's stocks are in falling-knife sectors; else WARM.
     */
    public static SectorBudget plan(Collection<GroupReturn> groups, String generatedAt) {
        List<Double> sorted = groups.stream().map(GroupReturn::avgReturnPct).sorted().toList();
        int n = sorted.size();
        Map<String, SectorBudget.Group> out = new LinkedHashMap<>();
        if (n == 0) {
            return new SectorBudget(generatedAt, out);
        }
        double p25 = sorted.get(Math.max(0, (int) (n * 0.25) - 1));
        double p75 = sorted.get(Math.min(n - 1, (int) (n * 0.75)));
        for (GroupReturn g : groups) {
            boolean knife = g.stockCount() > 0 && g.fallingKnifeStocks() >= FALLING_KNIFE_SHARE * g.stockCount();
            Tier tier;
            if (knife || (g.avgReturnPct() <= p25 && g.avgReturnPct() < 0)) {
                tier = Tier.COOL;
            } else if (g.avgReturnPct() >= p75 && g.avgReturnPct() > 0) {
                tier = Tier.HOT;
            } else {
                tier = Tier.WARM;
            }
            out.put(g.group(), new SectorBudget.Group(tier, cap(tier), cap(tier),
                    Math.round(g.avgReturnPct() * 100) / 100.0, g.stockCount()));
        }
        return new SectorBudget(generatedAt, out);
    }

    /** {@code max(1, min(watchlist_cap, max(0, portfolio_cap − held) + 1))}. */
    public static int effectiveWatchlistCap(int watchlistCap, int portfolioCap, int held) {
        return Math.max(1, Math.min(watchlistCap, Math.max(0, portfolioCap - held) + 1));
    }

    /**
     * Selects at most {@code maxSize} of {@code ranked} (best first). When they fit, all are kept. Otherwise greedy by
     * score within each group's effective cap ({@link #UNKNOWN_GROUP_CAP} for groups the budget lacks), then the
     * skipped candidates, best first, refill a list that came out short.
     *
     * @param groupOf    the group of a candidate
     * @param heldByGroup stocks held per group (in their real sector)
     */
    public static <T> List<T> select(List<T> ranked, int maxSize, SectorBudget budget, Function<T, String> groupOf,
                                     Map<String, Integer> heldByGroup) {
        if (ranked.size() <= maxSize) {
            return List.copyOf(ranked);
        }
        Map<String, Integer> taken = new HashMap<>();
        List<T> chosen = new ArrayList<>();
        List<T> skipped = new ArrayList<>();
        for (T candidate : ranked) {
            if (chosen.size() >= maxSize) {
                break;
            }
            String group = groupOf.apply(candidate);
            SectorBudget.Group g = budget == null ? null : budget.groups().get(group);
            int cap = g == null ? UNKNOWN_GROUP_CAP
                    : effectiveWatchlistCap(g.watchlistCap(), g.portfolioCap(), heldByGroup.getOrDefault(group, 0));
            int count = taken.getOrDefault(group, 0);
            if (count < cap) {
                chosen.add(candidate);
                taken.put(group, count + 1);
            } else {
                skipped.add(candidate);
            }
        }
        Set<T> in = new java.util.HashSet<>(chosen);
        for (T candidate : ranked) {
            if (chosen.size() >= maxSize) {
                break;
            }
            if (!in.contains(candidate) && skipped.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        if (chosen.size() < maxSize) {
            for (T candidate : ranked) {
                if (chosen.size() >= maxSize) {
                    break;
                }
                if (!chosen.contains(candidate)) {
                    chosen.add(candidate);
                }
            }
        }
        // keep the score order
        List<T> ordered = new ArrayList<>();
        for (T candidate : ranked) {
            if (chosen.contains(candidate)) {
                ordered.add(candidate);
            }
        }
        return ordered;
    }
}
