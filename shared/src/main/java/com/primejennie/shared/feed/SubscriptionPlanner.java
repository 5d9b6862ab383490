package com.primejennie.shared.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which codes the feed registers with KIS, within the per-session registration limit: holdings first (a lost
 * tick there means a missed stop-loss), then the hot watchlist by rank. The Python gateway only ever added codes and
 * never enforced the limit; this planner returns the full target and the diff against what is registered now.
 */
public final class SubscriptionPlanner {

    private final int limit;

    /** @param limit how many trade registrations are available (KIS's limit minus any used by fill notices) */
    public SubscriptionPlanner(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        this.limit = limit;
    }

    /**
     * The codes to hold: holdings (in their given order), then watchlist codes (already sorted by rank), without
     * duplicates or blanks, cut at the limit.
     */
    public List<String> target(List<String> holdings, List<String> watchlistByRank) {
        Set<String> out = new LinkedHashSet<>();
        addAll(out, holdings);
        addAll(out, watchlistByRank);
        return List.copyOf(out);
    }

    private void addAll(Set<String> out, Collection<String> codes) {
        for (String code : codes) {
            if (out.size() >= limit) {
                return;
            }
            if (code != null && !code.isBlank()) {
                out.add(code.trim());
            }
        }
    }

    /**
     * The steps from {@code registered} to {@code target}: unsubscribe first (frees slots), then subscribe, in target
     * order (holdings before watchlist).
     */
    public Plan diff(Collection<String> registered, List<String> target) {
        List<String> remove = new ArrayList<>();
        for (String code : registered) {
            if (!target.contains(code)) {
                remove.add(code);
            }
        }
        List<String> add = new ArrayList<>();
        for (String code : target) {
            if (!registered.contains(code)) {
                add.add(code);
            }
        }
        return new Plan(target, List.copyOf(add), List.copyOf(remove));
    }

    /** The limit this planner works within. */
    public int limit() {
        return limit;
    }

    /** A target set and the subscribe/unsubscribe steps to reach it. */
    public record Plan(List<String> target, List<String> subscribe, List<String> unsubscribe) {

        public boolean isNoop() {
            return subscribe.isEmpty() && unsubscribe.isEmpty();
        }
    }
}
