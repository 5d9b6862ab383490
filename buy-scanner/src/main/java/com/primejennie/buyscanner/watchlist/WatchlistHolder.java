package com.primejennie.buyscanner.watchlist;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;

/**
 * The hot watchlist the scanner trades on, reloaded as soon as {@code hot_watchlist:active} points at another
 * version ({@link #poll()} runs every couple of seconds; Python checked every 30 s and reloaded at most every 60 s).
 * Codes that join are handed to a listener (the warm start). A version that cannot be read keeps the current list;
 * a missing pointer empties it (nothing to trade). The database caches are best effort: without them DIP_BUY and
 * the "Legendary" upgrade simply find no data.
 */
public final class WatchlistHolder {

    private static final Logger log = LoggerFactory.getLogger(WatchlistHolder.class);

    private final Function<String, String> redisGet;
    private final WatchlistDbCaches db;
    private final MarketClock clock;
    private final int entryLookbackDays;
    private volatile Watchlist current = Watchlist.EMPTY;
    private volatile Consumer<Set<String>> joinListener = codes -> { };
    private volatile long loads;

    public WatchlistHolder(Function<String, String> redisGet, WatchlistDbCaches db, MarketClock clock,
                           int entryLookbackDays) {
        this.redisGet = redisGet;
        this.db = db;
        this.clock = clock;
        this.entryLookbackDays = entryLookbackDays;
    }

    public Watchlist current() {
        return current;
    }

    public long loads() {
        return loads;
    }

    /** Called with the codes that joined on each reload (all codes on the first). */
    public void onCodesJoined(Consumer<Set<String>> listener) {
        this.joinListener = listener;
    }

    /** Compares the pointer with the loaded version and reloads on a change. Returns whether it reloaded. */
    public synchronized boolean poll() {
        String version = redisGet.apply(HotWatchlist.ACTIVE_KEY);
        if (version == null || version.isBlank()) {
            if (current.versionKey() != null) {
                log.warn("{} is gone: no stocks to scan until scout writes a new watchlist", HotWatchlist.ACTIVE_KEY);
                current = Watchlist.EMPTY;
            }
            return false;
        }
        if (version.equals(current.versionKey())) {
            return false;
        }
        String json = redisGet.apply(version);
        if (json == null) {
            log.warn("{} points at {}, which does not exist; keeping {}", HotWatchlist.ACTIVE_KEY, version,
                    current.versionKey());
            return false;
        }
        HotWatchlist list;
        try {
            list = WireJson.mapper().readValue(json, HotWatchlist.class);
        } catch (RuntimeException e) {
            log.error("cannot read watchlist {}: {}; keeping {}", version, e.getMessage(), current.versionKey());
            return false;
        }
        Map<String, HotWatchlist.Stock> stocks = new LinkedHashMap<>();
        for (HotWatchlist.Stock s : list.stocks()) {
            if (s.code() != null && !s.code().isBlank()) {
                stocks.put(s.code(), s);
            }
        }
        Map<String, EntryInfo> entries = new HashMap<>();
        Map<String, List<Double>> flows = new HashMap<>();
        try {
            entries = db.entries(stocks.keySet(), clock.today(), entryLookbackDays);
            flows = db.foreignNetBuys(stocks.keySet());
        } catch (RuntimeException e) {
            log.warn("watchlist {}: entry and supply caches not loaded ({}); DIP_BUY and the Legendary pattern see "
                    + "no data", version, e.getMessage());
        }
        Set<String> joined = new HashSet<>(stocks.keySet());
        joined.removeAll(current.stocks().keySet());
        current = new Watchlist(version, list.marketRegime(), stocks, entries, flows);
        loads++;
        log.info("watchlist {} loaded: {} stocks, regime {}, {} joined", version, stocks.size(),
                current.marketRegime(), joined.size());
        if (!joined.isEmpty()) {
            joinListener.accept(joined);
        }
        return true;
    }
}
