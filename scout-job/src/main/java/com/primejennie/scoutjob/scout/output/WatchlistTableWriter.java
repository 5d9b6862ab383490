package com.primejennie.scoutjob.scout.output;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.scoutjob.scout.analyst.ScoutDecision;
import com.primejennie.shared.persistence.WatchlistEntry;
import com.primejennie.shared.persistence.WatchlistRepository;

/**
 * {@code WATCHLIST} and {@code WATCHLIST_HISTORY} (spec §3.8 steps 1-2): rows scored more than 24 h ago are purged,
 * the final stocks upserted with {@code LLM_REASON} = reason + {@code [LLM_METADATA]} JSON (60000 chars), and today's
 * (KST date, not the container's UTC date) history replaced (3950 chars). An empty list changes nothing.
 */
public final class WatchlistTableWriter {

    private final WatchlistRepository watchlist;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public WatchlistTableWriter(WatchlistRepository watchlist, JdbcClient jdbc, TransactionTemplate tx) {
        this.watchlist = watchlist;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void write(List<ScoutDecision> finalList, LocalDateTime nowUtc, String nowIso, LocalDate kstToday) {
        if (finalList.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            watchlist.deleteScoredBefore(nowUtc.minusHours(24));
            for (ScoutDecision d : finalList) {
                watchlist.upsert(new WatchlistEntry(d.code(), d.name(), d.tradable(), d.tradeTier(), d.hybridScore(),
                        LlmMetadata.reasonWithMetadata(d, nowIso, 60000), nowUtc, positive(d.quant().number("value",
                        "per")), positive(d.quant().number("value", "pbr")), d.quant().number("quality", "roe"),
                        null, null, d.quant().number("quality", "eps_growth_pct"), null, null));
            }
            jdbc.sql("DELETE FROM WATCHLIST_HISTORY WHERE SNAPSHOT_DATE = ?").param(kstToday).update();
            for (ScoutDecision d : finalList) {
                jdbc.sql("INSERT INTO WATCHLIST_HISTORY (SNAPSHOT_DATE, STOCK_CODE, STOCK_NAME, IS_TRADABLE, LLM_SCORE, "
                                + "LLM_REASON, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(kstToday, d.code(), d.name(), d.tradable() ? 1 : 0, d.hybridScore(),
                                LlmMetadata.reasonWithMetadata(d, nowIso, 3950), nowUtc)
                        .update();
            }
        });
    }

    private static Double positive(Double v) {
        return v == null || v <= 0 ? null : v;
    }
}
