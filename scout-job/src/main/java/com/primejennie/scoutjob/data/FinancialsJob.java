package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.kis.FinancialRatio;
import com.primejennie.shared.kis.GrowthRatio;
import com.primejennie.shared.kis.IncomeStatement;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.prices.DailyPriceReadThrough;

/**
 * {@code data-financials}: FINANCIAL_METRICS_QUARTERLY from KIS's quarterly financial-ratio (ROE, EPS, BPS),
 * growth-ratio (sales growth) and income-statement (operating margin = operating profit / sales). PER and PBR are the
 * quarter-end close (from STOCK_DAILY_PRICES_3Y) over EPS and BPS, null when the close or a positive EPS/BPS is
 * missing. A code written within {@code financeRefresh} is skipped: statements change once a quarter.
 */
public class FinancialsJob implements JobHandler {

    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

    private final QuotationSource kis;
    private final FinancialMetricsTable table;
    private final DailyPriceRepository prices;
    private final DataUniverse universe;
    private final DailyPriceReadThrough sessions;
    private final JobCheckpoints checkpoints;
    private final DataJobsProperties properties;

    public FinancialsJob(QuotationSource kis, FinancialMetricsTable table, DailyPriceRepository prices,
                         DataUniverse universe, DailyPriceReadThrough sessions, JobCheckpoints checkpoints,
                         DataJobsProperties properties) {
        this.kis = kis;
        this.table = table;
        this.prices = prices;
        this.universe = universe;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDate session = sessions.lastCompletedSession();
        List<String> notes = new ArrayList<>();
        if (kis.paperOnly()) {
            notes.add("paper key only: KIS serves finance/* to real accounts");
        }
        return PerCodeRun.run(JobIds.DATA_FINANCIALS, session, universe.codes(), checkpoints, code -> {
            if (table.freshWithin(code, properties.financeRefresh())) {
                return 0;
            }
            List<FinancialRatio> ratios = kis.quotations().financialRatios(code, true);
            Map<String, GrowthRatio> growth = kis.quotations().growthRatios(code, true).stream()
                    .collect(Collectors.toMap(GrowthRatio::yymm, Function.identity(), (a, b) -> a));
            Map<String, IncomeStatement> income = kis.quotations().incomeStatements(code, true).stream()
                    .collect(Collectors.toMap(IncomeStatement::yymm, Function.identity(), (a, b) -> a));
            int rows = 0;
            for (FinancialRatio r : ratios.stream().limit(properties.financeQuarters()).toList()) {
                LocalDate quarterEnd = YearMonth.parse(r.yymm(), YYYYMM).atEndOfMonth();
                Long close = closeOn(code, quarterEnd);
                GrowthRatio g = growth.get(r.yymm());
                IncomeStatement s = income.get(r.yymm());
                rows += table.upsert(new FinancialMetricsTable.Row(code, quarterEnd,
                        close == null || r.eps() <= 0 ? null : round2(close / r.eps()),
                        close == null || r.bps() <= 0 ? null : round2(close / r.bps()),
                        r.roe(), r.eps(), r.bps(), g == null ? r.salesGrowth() : g.salesGrowth(),
                        s == null || s.sales() == 0 ? null : round2(s.operatingProfit() * 100 / s.sales())));
            }
            return rows;
        }, Map.of(), notes);
    }

    private Long closeOn(String code, LocalDate quarterEnd) {
        List<DailyPrice> last = prices.findBetween(code, quarterEnd.minusDays(10), quarterEnd);
        return last.isEmpty() ? null : last.get(last.size() - 1).closePrice();
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
