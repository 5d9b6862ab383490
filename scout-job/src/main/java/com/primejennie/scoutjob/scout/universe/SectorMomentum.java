package com.primejennie.scoutjob.scout.universe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.primejennie.scoutjob.scout.budget.SectorBudgetPlanner.GroupReturn;
import com.primejennie.scoutjob.scout.quant.Indicators;

/**
 * Sector momentum for the sector budget (spec/upstream-2026-02-18.md): each stock's change (intraday against the last
 * close during the session; before the open the change between the last two daily closes, since every intraday change
 * is then 0), rolled into the shared sector groups as stock-count-weighted averages, and the falling-knife sectors
 * (average change below −1 %, a proxy index of up to 3 members with a 5-day return below −3 % and MA5 &lt; MA20).
 */
public final class SectorMomentum {

    private SectorMomentum() {
    }

    /** A sector is a falling knife when its proxy index (closes, oldest first) fell &gt;3 % in 5 days with MA5 &lt; MA20. */
    public static boolean fallingKnife(double[] proxyCloses) {
        if (proxyCloses.length < 20) {
            return false;
        }
        double r5 = Indicators.changePct(proxyCloses, 5);
        return r5 < -3 && Indicators.sma(proxyCloses, 5) < Indicators.sma(proxyCloses, 20);
    }

    /** A proxy index: the per-day mean of the members' closes normalised to their first close (needs equal lengths). */
    public static double[] proxyIndex(List<double[]> members) {
        int n = members.stream().mapToInt(a -> a.length).min().orElse(0);
        double[] out = new double[n];
        for (double[] m : members) {
            int off = m.length - n;
            for (int i = 0; i < n; i++) {
                out[i] += m[off + i] / m[off] / members.size();
            }
        }
        return out;
    }

    /**
     * The groups' returns over {@code candidates}: the average change of the stocks in each group (which is the
     * stock-count-weighted average of its sectors), and how many of them sit in {@code knifeSectors}.
     */
    public static List<GroupReturn> groupReturns(Collection<Candidate> candidates, Function<Candidate, Double> change,
                                                 Set<String> knifeSectors) {
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        Map<String, Integer> knives = new HashMap<>();
        for (Candidate c : candidates) {
            Double pct = change.apply(c);
            if (pct == null) {
                continue;
            }
            byGroup.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(pct);
            if (knifeSectors.contains(c.sector())) {
                knives.merge(c.group(), 1, Integer::sum);
            }
        }
        List<GroupReturn> out = new ArrayList<>();
        byGroup.forEach((group, list) -> out.add(new GroupReturn(group,
                list.stream().mapToDouble(d -> d).average().orElse(0), list.size(), knives.getOrDefault(group, 0))));
        return out;
    }
}
