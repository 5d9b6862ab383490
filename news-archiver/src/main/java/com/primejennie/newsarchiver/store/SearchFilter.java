package com.primejennie.newsarchiver.store;

/**
 * What scout filters its news searches on (spec/control-and-intelligence.md §3.10): one stock and a window of the
 * article date ({@code metadata.created_at_utc}, epoch seconds, both ends inclusive). Null parts do not filter; a
 * chunk without a {@code created_at_utc} never matches a date window.
 */
public record SearchFilter(String stockCode, Long createdFrom, Long createdTo) {

    public static final SearchFilter NONE = new SearchFilter(null, null, null);

    public SearchFilter {
        stockCode = stockCode == null || stockCode.isBlank() ? null : stockCode.trim();
        if (createdFrom != null && createdTo != null && createdFrom > createdTo) {
            throw new IllegalArgumentException("createdFrom " + createdFrom + " is after createdTo " + createdTo);
        }
    }

    public static SearchFilter stock(String stockCode) {
        return new SearchFilter(stockCode, null, null);
    }

    public SearchFilter since(long epochSeconds) {
        return new SearchFilter(stockCode, epochSeconds, createdTo);
    }

    public SearchFilter until(long epochSeconds) {
        return new SearchFilter(stockCode, createdFrom, epochSeconds);
    }

    public boolean hasDateWindow() {
        return createdFrom != null || createdTo != null;
    }

    public boolean isEmpty() {
        return stockCode == null && !hasDateWindow();
    }
}
