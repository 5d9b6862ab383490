package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.kis.InvestorFlow;
import com.primejennie.shared.kis.InvestorNetBuy;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.prices.DailyPriceReadThrough;

/**
 * {@code data-investor-flows}: STOCK_INVESTOR_TRADING for the universe plus the day's foreign/institution buying
 * leaders (foreign-institution-total), from each code's inquire-investor (the last 30 sessions, completed ones only).
 */
public class InvestorFlowsJob implements JobHandler {

    private final QuotationSource kis;
    private final InvestorFlowTable table;
    private final DataUniverse universe;
    private final DailyPriceReadThrough sessions;
    private final JobCheckpoints checkpoints;
    private final int leaders;

    public InvestorFlowsJob(QuotationSource kis, InvestorFlowTable table, DataUniverse universe,
                            DailyPriceReadThrough sessions, JobCheckpoints checkpoints, int leaders) {
        this.kis = kis;
        this.table = table;
        this.universe = universe;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.leaders = leaders;
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDate session = sessions.lastCompletedSession();
        List<String> notes = new ArrayList<>();
        if (!checkpoints.isDone(JobIds.DATA_INVESTOR_FLOWS, session, "leaders")) {
            try {
                List<String> top = kis.quotations().foreignInstitutionTotal().stream().limit(leaders)
                        .map(InvestorNetBuy::code).toList();
                universe.replaceFlowLeaders(top);
                checkpoints.markDone(JobIds.DATA_INVESTOR_FLOWS, session, "leaders");
            } catch (KisException e) {
                notes.add("could not fetch foreign-institution-total (" + e.getMessage() + ")");
            }
        }
        Set<String> codes = new LinkedHashSet<>(universe.codes());
        codes.addAll(universe.flowLeaders());
        return PerCodeRun.run(JobIds.DATA_INVESTOR_FLOWS, session, new ArrayList<>(codes), checkpoints, code -> {
            List<InvestorFlow> flows = kis.account().investorFlow(code).stream()
                    .filter(f -> !f.date().isAfter(session)).toList();
            return table.upsert(code, flows);
        }, Map.of(), notes);
    }
}
