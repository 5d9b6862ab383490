package com.primejennie.shared.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.primejennie.shared.kis.FakeKis;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisException;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.MigratedDatabase;

import okhttp3.mockwebserver.RecordedRequest;

/** The daily-price read-through against an HTTP fake of KIS (KIS's field names) and the real MariaDB. */
class DailyPriceReadThroughTest {

    private static final String CHART = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice";
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.emptyingBeforeEach("readthrough", "STOCK_DAILY_PRICES_3Y");

    private final TradingCalendar calendar = KrxCalendar.bundled(KrxSessionRules.defaults());
    private KisTestKit kit;
    private FakeKis kis;
    private ManualMarketClock clock;
    private DailyPriceRepository repository;
    private DailyPriceReadThrough readThrough;

    @BeforeEach
    void setUp() throws Exception {
        kit = new KisTestKit();
        kit.clearKisKeys();
        kis = new FakeKis();
        KisComponents paper = kit.components(KisTestKit.properties(kis.url(), 1000), KisMode.PAPER);
        clock = ManualMarketClock.atKst(LocalDateTime.parse("2026-02-12T10:30")); // Thursday, session running
        repository = new DailyPriceRepository(db.jdbc(), clock);
        readThrough = new DailyPriceReadThrough(repository, paper.client(), calendar, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        kis.close();
        kit.close();
    }

    @Test
    void latestFetchesWhatTheTableLacksStoresItAndAsksKisNothingTheSecondTime() {
        kis.always(CHART, FakeKis.ok(chart("005930", sessions(LocalDate.parse("2026-02-12"), 10))));

        List<DailyPrice> bars = readThrough.latest("005930", 5);

        assertThat(bars).hasSize(5);
        assertThat(bars).extracting(DailyPrice::priceDate).last().isEqualTo(LocalDate.parse("2026-02-11"));
        assertThat(repository.findLatest("005930", 100)).hasSizeGreaterThanOrEqualTo(5);
        int calls = kis.requests(CHART).size();
        assertThat(calls).isEqualTo(1);

        assertThat(readThrough.latest("005930", 5)).isEqualTo(bars);
        assertThat(kis.requests(CHART)).hasSize(calls);
    }

    @Test
    void todaysUnfinishedBarIsNotStoredBeforeTheCloseButIsAfterIt() {
        kis.always(CHART, FakeKis.ok(chart("005930", sessions(LocalDate.parse("2026-02-12"), 10))));

        readThrough.latest("005930", 3);
        assertThat(repository.findLatest("005930", 1).get(0).priceDate()).isEqualTo(LocalDate.parse("2026-02-11"));

        clock.setKst(LocalDateTime.parse("2026-02-12T16:00"));
        List<DailyPrice> after = readThrough.latest("005930", 3);

        assertThat(after).extracting(DailyPrice::priceDate).last().isEqualTo(LocalDate.parse("2026-02-12"));
        RecordedRequest incremental = kis.requests(CHART).get(1);
        assertThat(incremental.getRequestUrl().queryParameter("FID_INPUT_DATE_1")).isEqualTo("20260212");
    }

    @Test
    void syncBackfillsThreeYearsForACodeWithoutHistoryAndARerunAsksKisNothing() {
        kis.always(CHART, FakeKis.ok(chart("000660", sessions(LocalDate.parse("2026-02-11"), 40))));

        DailyPriceReadThrough.SyncResult first = readThrough.sync("000660");

        assertThat(first.backfilled()).isTrue();
        assertThat(first.stored()).isEqualTo(40);
        RecordedRequest backfill = kis.requests(CHART).get(0);
        assertThat(backfill.getRequestUrl().queryParameter("FID_INPUT_DATE_1")).isEqualTo("20230211");
        assertThat(backfill.getRequestUrl().queryParameter("FID_INPUT_DATE_2")).isEqualTo("20260211");
        DailyPrice newest = repository.findLatest("000660", 1).get(0);
        assertThat(newest.closePrice()).isEqualTo(close(LocalDate.parse("2026-02-11")));
        assertThat(newest.volume()).isEqualTo(1_000_000L);
        int calls = kis.requests(CHART).size();

        DailyPriceReadThrough.SyncResult rerun = readThrough.sync("000660");

        assertThat(rerun.stored()).isZero();
        assertThat(kis.requests(CHART)).hasSize(calls);
    }

    @Test
    void syncAsksOnlyForTheSessionsAfterTheNewestStored() {
        kis.always(CHART, FakeKis.ok(chart("035420", sessions(LocalDate.parse("2026-02-11"), 3))));
        List<LocalDate> old = sessions(LocalDate.parse("2026-02-09"), 800);
        repository.upsert(old.stream().map(d -> new DailyPrice("035420", d, 1, 1, 1, 1, 1)).toList());

        DailyPriceReadThrough.SyncResult result = readThrough.sync("035420");

        assertThat(result.backfilled()).isFalse();
        assertThat(result.stored()).isEqualTo(2); // 02-10 and 02-11
        assertThat(kis.requests(CHART)).hasSize(1);
        assertThat(kis.requests(CHART).get(0).getRequestUrl().queryParameter("FID_INPUT_DATE_1"))
                .isEqualTo("20260210");
    }

    @Test
    void aKisFailureIsThrownAndNothingIsStored() {
        kis.always(CHART, FakeKis.rejected("EGW00999", "조회 실패"));

        assertThatThrownBy(() -> readThrough.latest("005930", 5)).isInstanceOf(KisException.class);
        assertThat(repository.findLatest("005930", 5)).isEmpty();
    }

    @Test
    void betweenReadsTheTableWhenItCoversTheRange() {
        List<LocalDate> days = sessions(LocalDate.parse("2026-02-11"), 20);
        repository.upsert(days.stream().map(d -> new DailyPrice("005930", d, 1, 1, 1, 1, 1)).toList());

        List<DailyPrice> bars = readThrough.between("005930", days.get(days.size() - 1), LocalDate.parse("2026-02-12"));

        assertThat(bars).hasSize(20);
        assertThat(kis.requests(CHART)).isEmpty();
    }

    /** {@code count} trading days ending at {@code newest}, newest first (KIS's order). */
    private List<LocalDate> sessions(LocalDate newest, int count) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = calendar.isTradingDay(newest) ? newest : calendar.previousTradingDay(newest);
        while (days.size() < count) {
            days.add(d);
            d = d.isAfter(calendar.firstSupportedDate().plusDays(7)) ? calendar.previousTradingDay(d) : weekdayBefore(d);
        }
        return days;
    }

    private static LocalDate weekdayBefore(LocalDate d) {
        LocalDate p = d.minusDays(1);
        while (p.getDayOfWeek().getValue() > 5) {
            p = p.minusDays(1);
        }
        return p;
    }

    private static long close(LocalDate d) {
        return 70_000 + d.getDayOfYear() * 10L;
    }

    private static String chart(String code, List<LocalDate> newestFirst) {
        String rows = newestFirst.stream().map(d -> """
                {"stck_bsop_date":"%s","stck_clpr":"%d","stck_oprc":"%d","stck_hgpr":"%d","stck_lwpr":"%d",
                 "acml_vol":"1000000","acml_tr_pbmn":"0","flng_cls_code":"00","prtt_rate":"0.00","mod_yn":"N",
                 "prdy_vrss_sign":"2","prdy_vrss":"0","revl_issu_reas":""}""".formatted(d.format(YMD), close(d),
                close(d) - 100, close(d) + 200, close(d) - 300)).collect(Collectors.joining(","));
        return """
                {"output1":{"stck_shrn_iscd":"%s"},"output2":[%s],"rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다."}"""
                .formatted(code, rows);
    }
}
