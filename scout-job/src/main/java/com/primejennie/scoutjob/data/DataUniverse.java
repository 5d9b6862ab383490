package com.primejennie.scoutjob.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.persistence.WatchlistEntry;
import com.primejennie.shared.persistence.WatchlistRepository;

/**
 * The codes the nightly jobs collect: the watchlist, the holdings and the ranking leaders (market cap and volume,
 * stored by the stock-master job in {@link #LEADERS_KEY}), each once, in that order. Index codes are not stocks and
 * are never part of it.
 */
public class DataUniverse {

    /** The ranking leaders of the last stock-master refresh. */
    public static final String LEADERS_KEY = "data:universe:leaders";

    private final WatchlistRepository watchlist;
    private final ActivePortfolioRepository portfolio;
    private final StringRedisTemplate redis;

    public DataUniverse(WatchlistRepository watchlist, ActivePortfolioRepository portfolio,
                        StringRedisTemplate redis) {
        this.watchlist = watchlist;
        this.portfolio = portfolio;
        this.redis = redis;
    }

    public List<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        watchlist.findAll().stream().map(WatchlistEntry::stockCode).forEach(codes::add);
        portfolio.findAll().stream().map(Position::stockCode).forEach(codes::add);
        List<String> leaders = redis.opsForList().range(LEADERS_KEY, 0, -1);
        if (leaders != null) {
            codes.addAll(leaders);
        }
        codes.removeIf(c -> c == null || !c.matches("\\d{6}"));
        return new ArrayList<>(codes);
    }

    /** The day's foreign/institution buying leaders the investor-flow job added (kept for a resumed run). */
    public static final String FLOW_LEADERS_KEY = "data:universe:flow-leaders";

    public List<String> flowLeaders() {
        List<String> codes = redis.opsForList().range(FLOW_LEADERS_KEY, 0, -1);
        return codes == null ? List.of() : codes;
    }

    public void replaceFlowLeaders(List<String> codes) {
        redis.delete(FLOW_LEADERS_KEY);
        if (!codes.isEmpty()) {
            redis.opsForList().rightPushAll(FLOW_LEADERS_KEY, codes);
        }
    }

    /** Replaces the ranking leaders (the stock-master job). */
    public void replaceLeaders(List<String> codes) {
        redis.delete(LEADERS_KEY);
        if (!codes.isEmpty()) {
            redis.opsForList().rightPushAll(LEADERS_KEY, codes);
        }
    }
}
