package com.primejennie.scoutjob.data;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;

/** FINANCIAL_METRICS_QUARTERLY: one row per code and quarter end. */
public class FinancialMetricsTable {

    /** One quarter's metrics; null where KIS had no figure. */
    public record Row(String stockCode, LocalDate quarterDate, Double per, Double pbr, Double roe, Double eps,
                      Double bps, Double salesGrowth, Double operatingMargin) {
    }

    private final JdbcClient jdbc;
    private final MarketClock clock;

    public FinancialMetricsTable(JdbcClient jdbc, MarketClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the code's rows were written within {@code age} (financials change once a quarter). */
    public boolean freshWithin(String code, Duration age) {
        var since = clock.nowUtcNaive().minus(age);
        Integer n = jdbc.sql("SELECT COUNT(*) FROM FINANCIAL_METRICS_QUARTERLY WHERE STOCK_CODE = ? "
                + "AND COALESCE(UPDATED_AT, CREATED_AT) >= ?").params(code, since).query(Integer.class).single();
        return n != null && n > 0;
    }

    public int upsert(Row r) {
        var now = clock.nowUtcNaive();
        jdbc.sql("""
                INSERT INTO FINANCIAL_METRICS_QUARTERLY (STOCK_CODE, QUARTER_DATE, PER, PBR, ROE, EPS, BPS,
                    SALES_GROWTH, OPERATING_MARGIN, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE PER = VALUES(PER), PBR = VALUES(PBR), ROE = VALUES(ROE), EPS = VALUES(EPS),
                    BPS = VALUES(BPS), SALES_GROWTH = VALUES(SALES_GROWTH),
                    OPERATING_MARGIN = VALUES(OPERATING_MARGIN)""")
                .params(r.stockCode(), r.quarterDate(), r.per(), r.pbr(), r.roe(), r.eps(), r.bps(), r.salesGrowth(),
                        r.operatingMargin(), now, now)
                .update();
        return 1;
    }
}
