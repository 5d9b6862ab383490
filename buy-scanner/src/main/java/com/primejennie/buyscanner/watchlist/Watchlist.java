package com.primejennie.buyscanner.watchlist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.primejennie.shared.domain.HotWatchlist;

/**
 * One loaded version of the hot watchlist with what the scanner derives from it: the stocks by code, the market
 * regime (default {@code SIDEWAYS}, spec §2.2), each stock's watchlist entry and its foreign net buying (latest
 * rows, oldest first) for the "Legendary pattern". Immutable; swapped whole on reload.
 *
 * @param versionKey the {@code hot_watchlist:v{ts}} it came from; {@code null} for the empty list
 */
public record Watchlist(String versionKey, String marketRegime, Map<String, HotWatchlist.Stock> stocks,
                        Map<String, EntryInfo> entries, Map<String, List<Double>> foreignNetBuys) {

    public static final Watchlist EMPTY = new Watchlist(null, "SIDEWAYS", Map.of(), Map.of(), Map.of());

    public Watchlist {
        marketRegime = marketRegime == null || marketRegime.isBlank() ? "SIDEWAYS" : marketRegime;
        stocks = Map.copyOf(stocks);
        entries = Map.copyOf(entries);
        foreignNetBuys = Map.copyOf(foreignNetBuys);
    }

    public boolean contains(String code) {
        return stocks.containsKey(code);
    }

    public Optional<HotWatchlist.Stock> stock(String code) {
        return Optional.ofNullable(stocks.get(code));
    }

    public Optional<EntryInfo> entry(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public List<Double> foreignNetBuys(String code) {
        return foreignNetBuys.getOrDefault(code, List.of());
    }
}
