package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.kis.AccountBalance;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.prices.DailyPriceReadThrough;

/**
 * {@code data-asset-snapshot}: DAILY_ASSET_SNAPSHOT for today's session once it has closed (cash, holdings at their
 * evaluation, total, unrealised profit) from the account balance, for the dashboard's history. Before the close, or
 * on a closed day, it is skipped: a snapshot mid-session would be overwritten anyway and a closed day has none.
 * Written once per session; a rerun leaves the first row (the close's) as it is.
 */
public class AssetSnapshotJob implements JobHandler {

    private final QuotationSource kis;
    private final JdbcClient jdbc;
    private final MarketClock clock;
    private final DailyPriceReadThrough sessions;

    public AssetSnapshotJob(QuotationSource kis, JdbcClient jdbc, MarketClock clock, DailyPriceReadThrough sessions) {
        this.kis = kis;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDate today = clock.today();
        LocalDate session = sessions.lastCompletedSession();
        if (!session.equals(today)) {
            return JobOutcome.skipped("asset snapshot: today's session (" + today + ") has not closed");
        }
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM DAILY_ASSET_SNAPSHOT WHERE SNAPSHOT_DATE = ?").param(today)
                .query(Integer.class).single();
        if (existing != null && existing > 0) {
            return JobOutcome.done("asset snapshot " + today + " already taken", Map.of("rows", 0));
        }
        AccountBalance b = kis.account().balance();
        jdbc.sql("""
                INSERT IGNORE INTO DAILY_ASSET_SNAPSHOT (SNAPSHOT_DATE, TOTAL_ASSET_AMOUNT, CASH_BALANCE,
                    STOCK_EVAL_AMOUNT, TOTAL_PROFIT_LOSS, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(today, b.totalValue(), b.cashDeposit(), b.stockValue(), b.unrealizedPnl(),
                        clock.nowUtcNaive())
                .update();
        return JobOutcome.done("asset snapshot %s: total %,d, cash %,d, stocks %,d, P/L %,d".formatted(today,
                b.totalValue(), b.cashDeposit(), b.stockValue(), b.unrealizedPnl()),
                Map.of("rows", 1, "holdings", b.holdings().size()));
    }
}
