package com.primejennie.scoutjob.scout.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.scoutjob.scout.analyst.ScoutDecision;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;

/**
 * Writes the hot watchlist the buy-scanner and price-monitor read, in the shared {@link HotWatchlist} format: the
 * version key {@code hot_watchlist:v{unixSeconds}} (24 h TTL) first, then the pointer {@code hot_watchlist:active}
 * moved to it - a reader never sees a pointer to a missing version. Stocks sorted by hybrid score, {@code rank}
 * 1-based, {@code llm_score} = {@code hybrid_score} (as the Python scout), {@code trade_tier} and
 * {@code is_tradable} from the decision, {@code strategies} empty (the scanner's default list).
 *
 * <p>[DEFECT fixed] an empty approval list does not replace a valid watchlist: the current one is kept and the caller
 * says so (status hash and a notifier message). With no current watchlist, an empty one is written.
 */
public final class HotWatchlistWriter {

    /** What a write did. */
    public enum Result { WRITTEN, KEPT_PREVIOUS }

    private final StringRedisTemplate redis;

    public HotWatchlistWriter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public static HotWatchlist toWatchlist(List<ScoutDecision> ranked, String regime, Instant generatedAt) {
        List<HotWatchlist.Stock> stocks = new ArrayList<>();
        int rank = 1;
        for (ScoutDecision d : ranked) {
            if ("0001".equals(d.code())) {
                continue;
            }
            stocks.add(HotWatchlist.Stock.scouted(d.code(), d.name(), d.hybridScore(), rank++, d.tradable(),
                    d.tradeTier(), d.hybridScore()));
        }
        return new HotWatchlist(WireTime.format(generatedAt), regime == null ? "UNKNOWN" : regime, 0.0, stocks);
    }

    /** The version key the pointer names, when that version still exists. */
    public String currentVersion() {
        String pointer = redis.opsForValue().get(HotWatchlist.ACTIVE_KEY);
        return pointer != null && Boolean.TRUE.equals(redis.hasKey(pointer)) ? pointer : null;
    }

    public Result write(HotWatchlist list, Instant generatedAt) {
        if (list.stocks().isEmpty() && currentVersion() != null) {
            return Result.KEPT_PREVIOUS;
        }
        String version = HotWatchlist.versionKey(generatedAt);
        redis.opsForValue().set(version, WireJson.mapper().writeValueAsString(list), HotWatchlist.VERSION_TTL);
        redis.opsForValue().set(HotWatchlist.ACTIVE_KEY, version);
        return Result.WRITTEN;
    }
}
