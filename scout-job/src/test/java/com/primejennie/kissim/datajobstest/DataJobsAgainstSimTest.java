package com.primejennie.kissim.datajobstest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.primejennie.scoutjob.data.DataJobsConfiguration.DataPieces;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.JobResult.Status;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.kis.DailyBar;
import com.primejennie.shared.kis.KisErrorKind;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.kis.OrderRequest;
import com.primejennie.shared.kis.OrderSide;

/**
 * scout-job's data jobs against kis-sim and the real MariaDB and Redis (issue 18's "Must show"): every table filled
 * with KIS's figures in the right columns and types, a rerun of the session changing nothing, a crashed run resuming,
 * a code without history back-filled three years, and the shared rate budget holding while an order goes out.
 */
class DataJobsAgainstSimTest extends DataJobsOnSim {

    private static final LocalDate SESSION = LocalDate.parse("2026-03-04");

    private List<JobResult> runAll(JobRunner runner, String tag) {
        List<JobResult> results = new ArrayList<>();
        for (String id : JobIds.DATA_JOBS) {
            results.addAll(runner.run(message(id, id + "-" + tag, 600), null));
        }
        return results;
    }

    @Test
    void everyJobFillsItsTableWithKisFiguresInTheRightColumnsAndTypes() {
        watch("005930", "000660", "035420");
        LocalDateTime now = kit.clock().nowUtcNaive();
        db.sql("INSERT INTO STOCK_MINUTE_PRICE (PRICE_TIME, STOCK_CODE, CLOSE_PRICE) VALUES (?, '005930', 1), "
                + "(?, '005930', 2)").params(now.minusDays(30), now.minusHours(3)).update();
        insertOrder("old-filled", "FILLED", now.minusDays(800));
        insertOrder("old-open", "ACCEPTED", now.minusDays(800));
        insertOrder("old-unknown", "UNKNOWN", now.minusDays(800));
        insertOrder("recent-filled", "FILLED", now.minusDays(3));

        List<JobResult> results = runAll(runner(pieces(properties(3))), "1");

        assertThat(results).extracting(JobResult::jobId).containsExactlyElementsOf(JobIds.DATA_JOBS);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.jobId() + ": " + r.message() + r.error())
                .isEqualTo(Status.SUCCEEDED));
        assertThat(resultsOnStream()).hasSize(JobIds.DATA_JOBS.size());

        // stock master: the CSV seed plus KIS's market cap (억원 → won) for the leaders
        Map<String, Object> samsung = db.sql("SELECT * FROM STOCK_MASTER WHERE STOCK_CODE = '005930'").query()
                .singleRow();
        assertThat(samsung.get("STOCK_NAME")).isEqualTo("삼성전자");
        assertThat(((BigDecimal) samsung.get("MARKET_CAP")).longValue()).isGreaterThan(100_000_000_000_000L);
        assertThat(count("SELECT COUNT(*) FROM STOCK_MASTER WHERE STOCK_CODE = '069500' AND IS_ETF = 1")).isOne();

        // daily prices: three years back to the session, whole won in DECIMAL(15,2), equal to KIS's own chart
        Map<String, Object> range = db.sql("SELECT MIN(PRICE_DATE) lo, MAX(PRICE_DATE) hi, COUNT(*) n FROM "
                + "STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = '000660'").query().singleRow();
        assertThat(((java.sql.Date) range.get("hi")).toLocalDate()).isEqualTo(SESSION);
        assertThat(((java.sql.Date) range.get("lo")).toLocalDate()).isBetween(SESSION.minusYears(3),
                SESSION.minusYears(3).plusDays(7));
        assertThat(((Number) range.get("n")).longValue()).isBetween(700L, 760L);
        DailyBar kisLast = last(kis.client().dailyPrices("000660"));
        BigDecimal close = db.sql("SELECT CLOSE_PRICE FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = '000660' AND "
                + "PRICE_DATE = ?").param(SESSION).query(BigDecimal.class).single();
        assertThat(close.scale()).isEqualTo(2);
        assertThat(close.longValueExact()).isEqualTo(kisLast.close());

        // index series: KOSPI and KOSDAQ points with decimals
        for (String index : List.of("0001", "1001")) {
            assertThat(count("SELECT COUNT(*) FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ?", index))
                    .isBetween(700L, 760L);
        }
        BigDecimal kospi = db.sql("SELECT CLOSE_PRICE FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = '0001' AND "
                + "PRICE_DATE = ?").param(SESSION).query(BigDecimal.class).single();
        assertThat(kospi).isBetween(new BigDecimal("500"), new BigDecimal("10000"));

        // investor flows: completed sessions, individual = -(foreign + institution) as kis-sim books them
        assertThat(count("SELECT COUNT(*) FROM STOCK_INVESTOR_TRADING WHERE STOCK_CODE = '005930'"))
                .isBetween(20L, 30L);
        assertThat(count("SELECT COUNT(*) FROM STOCK_INVESTOR_TRADING WHERE STOCK_CODE = '005930' AND "
                + "INDIVIDUAL_NET_BUY <> -(FOREIGN_NET_BUY + INSTITUTION_NET_BUY)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM STOCK_INVESTOR_TRADING WHERE TRADE_DATE > ?", SESSION)).isZero();

        // financials: four quarter ends with ratios, PER from the quarter-end close
        List<Map<String, Object>> quarters = db.sql("SELECT * FROM FINANCIAL_METRICS_QUARTERLY WHERE STOCK_CODE = "
                + "'005930' ORDER BY QUARTER_DATE DESC").query().listOfRows();
        assertThat(quarters).hasSize(4);
        assertThat(quarters).allSatisfy(q -> {
            LocalDate end = ((java.sql.Date) q.get("QUARTER_DATE")).toLocalDate();
            assertThat(end).isEqualTo(end.withDayOfMonth(end.lengthOfMonth()));
            assertThat(end.getMonthValue() % 3).isZero();
            assertThat((Double) q.get("ROE")).isNotNull();
            assertThat((Double) q.get("EPS")).isPositive();
            assertThat((Double) q.get("PER")).isPositive();
            assertThat((Double) q.get("OPERATING_MARGIN")).isBetween(5.0, 20.0);
        });

        // asset snapshot: the fresh account's cash is its total
        Map<String, Object> snap = db.sql("SELECT * FROM DAILY_ASSET_SNAPSHOT").query().singleRow();
        assertThat(((java.sql.Date) snap.get("SNAPSHOT_DATE")).toLocalDate()).isEqualTo(SESSION);
        assertThat(((BigDecimal) snap.get("TOTAL_ASSET_AMOUNT")).longValue()).isEqualTo(100_000_000L);
        assertThat(((BigDecimal) snap.get("CASH_BALANCE")).longValue()).isEqualTo(100_000_000L);

        // clean-up: old minute bars and old final orders go; open or unknown orders stay however old
        assertThat(count("SELECT COUNT(*) FROM STOCK_MINUTE_PRICE")).isOne();
        assertThat(db.sql("SELECT INTENT_KEY FROM ORDER_LEDGER_MOCK ORDER BY INTENT_KEY").query(String.class).list())
                .containsExactly("old-open", "old-unknown", "recent-filled");
    }

    @Test
    void aRerunOfTheSessionChangesNothingAndAsksKisOnlyForTheRankings() {
        watch("005930", "035720");
        DataPieces pieces = pieces(properties(2));
        runAll(runner(pieces), "first");
        Map<String, List<String>> before = dumps();
        long calls = gateway.requestsAdmitted();

        List<JobResult> rerun = runAll(runner(pieces), "again");

        assertThat(rerun).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.SUCCEEDED));
        assertThat(dumps()).isEqualTo(before);
        assertThat(gateway.requestsAdmitted() - calls).as("only the two ranking reads of the master refresh")
                .isEqualTo(2);
    }

    @Test
    void aRunCrashedMidwayResumesWhereItStoppedAndEndsWithEveryCodeComplete() throws Exception {
        List<String> codes = List.of("005930", "000660", "035420", "035720", "051910", "006400", "207940",
                "005380");
        watch(codes.toArray(String[]::new));
        JobRunner crashing = runner(pieces(properties(1)));
        CompletableFuture<List<JobResult>> first = CompletableFuture.supplyAsync(
                () -> crashing.run(message(JobIds.DATA_DAILY_PRICES, "crash", 600), null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (checkpoints.doneCount(JobIds.DATA_DAILY_PRICES, SESSION) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        crashing.close(); // the process dies: the run's thread is interrupted mid-code
        List<JobResult> crashed = first.get(60, TimeUnit.SECONDS);
        long doneBeforeCrash = checkpoints.doneCount(JobIds.DATA_DAILY_PRICES, SESSION);
        assertThat(last(crashed).status()).isEqualTo(Status.FAILED);
        assertThat(doneBeforeCrash).isBetween(2L, (long) codes.size() - 1);

        List<JobResult> resumed = runner(pieces(properties(1))).run(message(JobIds.DATA_DAILY_PRICES, "resume", 600),
                null);

        JobResult last = last(resumed);
        assertThat(last.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(((Number) last.stats().get("resumed_skipped")).longValue()).isEqualTo(doneBeforeCrash);
        assertThat(((Number) last.stats().get("done")).longValue()).isEqualTo(codes.size() - doneBeforeCrash);
        for (String code : codes) {
            assertThat(count("SELECT COUNT(*) FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? AND PRICE_DATE = ?",
                    code, SESSION)).as(code).isOne();
            assertThat(count("SELECT COUNT(*) FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ?", code)).as(code)
                    .isBetween(700L, 760L);
        }
    }

    @Test
    void aCodeWithoutHistoryIsBackFilledThreeYearsWhileKnownCodesGetNothingNew() {
        watch("005930");
        JobRunner runner = runner(pieces(properties(1)));
        runner.run(message(JobIds.DATA_DAILY_PRICES, "known", 600), null);
        watch("000660");

        JobResult result = last(runner.run(message(JobIds.DATA_DAILY_PRICES, "new-code", 600), null));

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(((Number) result.stats().get("backfilled")).intValue()).isOne();
        assertThat(((Number) result.stats().get("resumed_skipped")).intValue()).isOne();
        LocalDate oldest = db.sql("SELECT MIN(PRICE_DATE) FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = '000660'")
                .query(LocalDate.class).single();
        assertThat(oldest).isBetween(SESSION.minusYears(3), SESSION.minusYears(3).plusDays(7));
    }

    @Test
    void theRateBudgetHoldsAcrossAJobAndOrdersAndTheOrdersAreNotDelayed() throws Exception {
        List<String> codes = List.of("005930", "000660", "035420", "035720", "051910", "006400");
        watch(codes.toArray(String[]::new));
        long refusedBefore = gateway.rateLimitRefusals();
        JobRunner runner = runner(pieces(properties(1)));
        CompletableFuture<List<JobResult>> job = CompletableFuture.supplyAsync(
                () -> runner.run(message(JobIds.DATA_DAILY_PRICES, "busy", 600), null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (checkpoints.doneCount(JobIds.DATA_DAILY_PRICES, SESSION) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> orderMillis = new ArrayList<>();
        for (int i = 0; i < 3 && !job.isDone(); i++) {
            long t0 = System.nanoTime();
            try {
                kis.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1));
            } catch (KisException e) {
                // after the close kis-sim refuses the order (APBK0918); what matters is that it was sent at once
                assertThat(e.kind()).isNotIn(KisErrorKind.NOT_SENT, KisErrorKind.RATE_LIMITED);
            }
            orderMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            Thread.sleep(300);
        }
        List<JobResult> results = job.get(120, TimeUnit.SECONDS);

        assertThat(last(results).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(orderMillis).as("orders sent while the job filled the read lane").isNotEmpty();
        assertThat(orderMillis).as("each order took its reserved slot at once (a read waits up to a window)")
                .allSatisfy(ms -> assertThat(ms).isLessThan(1_000L));
        assertThat(gateway.rateLimitRefusals() - refusedBefore).as("KIS's EGW00201 never answered").isZero();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private Map<String, List<String>> dumps() {
        return Map.of("STOCK_MASTER", dump("STOCK_MASTER", "STOCK_CODE"),
                "STOCK_DAILY_PRICES_3Y", dump("STOCK_DAILY_PRICES_3Y", "STOCK_CODE, PRICE_DATE"),
                "STOCK_INVESTOR_TRADING", dump("STOCK_INVESTOR_TRADING", "STOCK_CODE, TRADE_DATE"),
                "FINANCIAL_METRICS_QUARTERLY", dump("FINANCIAL_METRICS_QUARTERLY", "STOCK_CODE, QUARTER_DATE"),
                "DAILY_ASSET_SNAPSHOT", dump("DAILY_ASSET_SNAPSHOT", "SNAPSHOT_DATE"));
    }

    private void insertOrder(String key, String state, LocalDateTime at) {
        db.sql("INSERT INTO ORDER_LEDGER_MOCK (INTENT_KEY, ACCOUNT_NO, SOURCE, STOCK_CODE, SIDE, QUANTITY, ORDER_TYPE, "
                        + "STATE, CREATED_AT, UPDATED_AT) VALUES (?, ?, 'test', '005930', 'BUY', 1, 'MARKET', ?, ?, ?)")
                .params(key, account, state, at, at).update();
    }
}
