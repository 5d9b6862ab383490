package com.primejennie.newsarchiver.rss;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.primejennie.shared.persistence.StockMasterEntry;

/**
 * Finds which listed stock a headline is about by the names in {@code STOCK_MASTER}: the name mentioned first wins,
 * the longer one when two start at the same place ({@code 삼성전자우} over {@code 삼성전자}). Names shorter than two
 * characters are ignored (they match everywhere).
 */
public final class StockNameTagger {

    private final List<StockMasterEntry> byLength;

    public StockNameTagger(List<StockMasterEntry> stocks) {
        List<StockMasterEntry> usable = new ArrayList<>();
        for (StockMasterEntry s : stocks) {
            if (s.stockName() != null && s.stockName().strip().length() >= 2) {
                usable.add(s);
            }
        }
        usable.sort(Comparator.comparingInt((StockMasterEntry s) -> s.stockName().strip().length()).reversed()
                .thenComparing(StockMasterEntry::stockCode));
        this.byLength = List.copyOf(usable);
    }

    /** The stock {@code text} is about, if any name occurs in it. */
    public Optional<StockMasterEntry> tag(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        StockMasterEntry best = null;
        int bestAt = Integer.MAX_VALUE;
        for (StockMasterEntry s : byLength) {
            int at = text.indexOf(s.stockName().strip());
            if (at >= 0 && at < bestAt) {
                best = s;
                bestAt = at;
            }
        }
        return Optional.ofNullable(best);
    }

    public int size() {
        return byLength.size();
    }
}
