package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.kis.IndexBar;
import com.primejennie.shared.prices.DailyPriceReadThrough;

/**
 * {@code data-index-prices}: the KOSPI and KOSDAQ daily series (inquire-daily-indexchartprice) up to the last
 * completed session, three years back for an index the table lacks. KIS serves the index chart to real accounts only.
 */
public class IndexPricesJob implements JobHandler {

    private final QuotationSource kis;
    private final IndexSeriesTable table;
    private final DailyPriceReadThrough sessions;
    private final JobCheckpoints checkpoints;
    private final List<String> indexCodes;

    public IndexPricesJob(QuotationSource kis, IndexSeriesTable table, DailyPriceReadThrough sessions,
                          JobCheckpoints checkpoints, List<String> indexCodes) {
        this.kis = kis;
        this.table = table;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.indexCodes = indexCodes;
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDate session = sessions.lastCompletedSession();
        List<String> notes = new ArrayList<>();
        if (kis.paperOnly()) {
            notes.add("paper key only: KIS serves the index chart to real accounts");
        }
        return PerCodeRun.run(JobIds.DATA_INDEX_PRICES, session, indexCodes, checkpoints, code -> {
            LocalDate from = table.newest(code).map(d -> d.plusDays(1))
                    .orElse(session.minusYears(DailyPriceReadThrough.BACKFILL_YEARS));
            if (from.isAfter(session)) {
                return 0;
            }
            List<IndexBar> bars = kis.quotations().indexDailyChart(code, from, session);
            return table.upsert(code, bars);
        }, Map.of(), notes);
    }
}
