package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.prices.DailyPriceReadThrough;

/**
 * {@code data-daily-prices}: brings every code of the universe up to the last completed session through the shared
 * read-through (the one writer of STOCK_DAILY_PRICES_3Y): a code without history is back-filled three years, the
 * others get the sessions after their newest row.
 */
public class DailyPricesJob implements JobHandler {

    private final DailyPriceReadThrough readThrough;
    private final DataUniverse universe;
    private final JobCheckpoints checkpoints;

    public DailyPricesJob(DailyPriceReadThrough readThrough, DataUniverse universe, JobCheckpoints checkpoints) {
        this.readThrough = readThrough;
        this.universe = universe;
        this.checkpoints = checkpoints;
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDate session = readThrough.lastCompletedSession();
        AtomicInteger backfilled = new AtomicInteger();
        List<String> codes = universe.codes();
        return PerCodeRun.run(JobIds.DATA_DAILY_PRICES, session, codes, checkpoints, code -> {
            DailyPriceReadThrough.SyncResult result = readThrough.sync(code);
            if (result.backfilled()) {
                backfilled.incrementAndGet();
            }
            return result.stored();
        }, Map.of("backfilled", backfilled), List.of());
    }
}
