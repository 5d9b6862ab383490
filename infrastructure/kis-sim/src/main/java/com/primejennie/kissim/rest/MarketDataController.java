package com.primejennie.kissim.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.kissim.market.DailyBar;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.PriceMath;
import com.primejennie.kissim.market.Quote;
import com.primejennie.kissim.market.Stock;
import com.primejennie.kissim.orders.Rejections;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The market-data operations of the nightly data jobs, answered from the simulated universe and its generated
 * history with KIS's field names ({@code fixtures/kis/api.json}): the market-cap and volume rankings, the
 * foreign/institution aggregate, the KOSPI/KOSDAQ daily index chart (a cap-weighted index of the universe's stocks of
 * that market) and the quarterly financial statements (derived from each stock's EPS and BPS, reproducible per seed).
 */
@RestController
public class MarketDataController {

    private static final String OK_CD = "MCA00000";
    private static final String OK_MSG = "정상처리 되었습니다.";
    /** KOSPI and KOSDAQ composite index codes, and the level each index starts at on the first simulated day. */
    private static final Map<String, Double> INDEX_BASE = Map.of("0001", 2500.0, "1001", 750.0);

    private final MarketSimulator market;

    public MarketDataController(MarketSimulator market) {
        this.market = market;
    }

    @GetMapping("/uapi/domestic-stock/v1/ranking/market-cap")
    public Map<String, Object> marketCap(HttpServletRequest http) {
        List<Quote> quotes = quotes();
        quotes.sort(Comparator.comparingLong((Quote q) -> q.price() * q.stock().listedShares()).reversed());
        long total = quotes.stream().mapToLong(q -> q.price() * q.stock().listedShares() / 100_000_000).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Quote q : quotes.subList(0, Math.min(30, quotes.size()))) {
            long avls = q.price() * q.stock().listedShares() / 100_000_000; // 억원, as KIS reports it
            rows.add(common(new Fields().s("mksc_shrn_iscd", q.stock().code()).s("data_rank", rows.size() + 1), q)
                    .s("lstn_stcn", q.stock().listedShares()).s("stck_avls", avls)
                    .s("mrkt_whol_avls_rlim", Fields.dec(total == 0 ? 0 : avls * 100.0 / total, 2)));
        }
        return Fields.ok(OK_CD, OK_MSG).o("output", rows);
    }

    @GetMapping("/uapi/domestic-stock/v1/quotations/volume-rank")
    public Map<String, Object> volumeRank(HttpServletRequest http) {
        List<Quote> quotes = quotes();
        quotes.sort(Comparator.comparingLong((Quote q) -> q.volume() == 0 ? q.prevDayVolume() : q.volume())
                .reversed());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Quote q : quotes.subList(0, Math.min(30, quotes.size()))) {
            long shares = Math.max(1, q.stock().listedShares());
            long avgVol = Math.max(1, q.prevDayVolume());
            rows.add(common(new Fields().s("hts_kor_isnm", q.stock().name()).s("mksc_shrn_iscd", q.stock().code())
                    .s("data_rank", rows.size() + 1), q)
                    .s("prdy_vol", q.prevDayVolume()).s("lstn_stcn", shares).s("avrg_vol", avgVol)
                    .s("n_befr_clpr_vrss_prpr_rate", PriceMath.fmt2(PriceMath.rate(q.price(), q.prevClose())))
                    .s("vol_inrt", Fields.dec(q.volume() * 100.0 / avgVol - 100, 2))
                    .s("vol_tnrt", Fields.dec(q.volume() * 100.0 / shares, 2))
                    .s("nday_vol_tnrt", Fields.dec(avgVol * 100.0 / shares, 2))
                    .s("avrg_tr_pbmn", avgVol * q.prevClose()).s("tr_pbmn_tnrt", Fields.dec(q.volume() * 100.0 / shares, 2))
                    .s("nday_tr_pbmn_tnrt", Fields.dec(avgVol * 100.0 / shares, 2)).s("acml_tr_pbmn", q.value()));
        }
        return Fields.ok(OK_CD, OK_MSG).o("output", rows);
    }

    @GetMapping("/uapi/domestic-stock/v1/quotations/foreign-institution-total")
    public Map<String, Object> foreignInstitutionTotal(HttpServletRequest http) {
        LocalDate day = market.currentDay();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Quote> quotes = quotes();
        Map<String, long[]> nets = new HashMap<>();
        for (Quote q : quotes) {
            long vol = Math.max(q.volume(), q.prevDayVolume());
            nets.put(q.stock().code(), new long[]{flow(q.stock().code(), day, "frgn", vol),
                    flow(q.stock().code(), day, "orgn", vol)});
        }
        quotes.sort(Comparator.comparingLong((Quote q) -> nets.get(q.stock().code())[0]
                + nets.get(q.stock().code())[1]).reversed());
        for (Quote q : quotes.subList(0, Math.min(30, quotes.size()))) {
            long[] n = nets.get(q.stock().code());
            long px = q.price();
            Fields row = common(new Fields().s("hts_kor_isnm", q.stock().name()).s("mksc_shrn_iscd", q.stock().code())
                    .s("ntby_qty", n[0] + n[1]), q)
                    .s("frgn_ntby_qty", n[0]).s("orgn_ntby_qty", n[1]);
            for (String who : List.of("ivtr", "bank", "insu", "mrbn", "fund")) {
                row.s(who + "_ntby_qty", n[1] / 5);
            }
            row.s("etc_orgt_ntby_vol", 0).s("etc_corp_ntby_vol", 0)
                    .s("frgn_ntby_tr_pbmn", n[0] * px / 1_000_000).s("orgn_ntby_tr_pbmn", n[1] * px / 1_000_000);
            for (String who : List.of("ivtr", "bank", "insu", "mrbn", "fund")) {
                row.s(who + "_ntby_tr_pbmn", n[1] / 5 * px / 1_000_000);
            }
            rows.add(row.s("etc_orgt_ntby_tr_pbmn", 0).s("etc_corp_ntby_tr_pbmn", 0));
        }
        return Fields.ok(OK_CD, OK_MSG).o("output", rows);
    }

    @GetMapping("/uapi/domestic-stock/v1/quotations/inquire-daily-indexchartprice")
    public Map<String, Object> indexChart(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        Double base = INDEX_BASE.get(code);
        if (base == null) {
            return Fields.error("EGW00202", "업종코드를 확인하세요(" + code + ")");
        }
        Stock.MarketType type = code.equals("0001") ? Stock.MarketType.KOSPI : Stock.MarketType.KOSDAQ;
        LocalDate today = market.currentDay();
        LocalDate from = date(req.get("FID_INPUT_DATE_1"), today.minusDays(140));
        LocalDate to = date(req.get("FID_INPUT_DATE_2"), today);
        // Cap-weighted: the index moves with Σ close × shares over Σ base price × shares of the market's stocks.
        TreeMap<LocalDate, double[]> sums = new TreeMap<>();
        double baseCap = 0;
        for (Stock s : market.universe().all()) {
            if (s.market() != type) {
                continue;
            }
            baseCap += (double) s.basePrice() * s.listedShares();
            for (DailyBar b : market.dailyBars(s.code(), from.minusDays(10), to)) {
                double[] acc = sums.computeIfAbsent(b.date(), d -> new double[6]);
                double w = s.listedShares();
                acc[0] += b.open() * w;
                acc[1] += b.high() * w;
                acc[2] += b.low() * w;
                acc[3] += b.close() * w;
                acc[4] += b.volume();
                acc[5] += b.value();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        double k = baseCap == 0 ? 0 : base / baseCap;
        List<LocalDate> days = new ArrayList<>(sums.descendingKeySet());
        for (int i = 0; i < days.size() && rows.size() < 100; i++) {
            LocalDate d = days.get(i);
            if (d.isBefore(from) || d.isAfter(to)) {
                continue;
            }
            double[] a = sums.get(d);
            rows.add(new Fields().s("stck_bsop_date", Fields.date(d)).s("bstp_nmix_prpr", Fields.dec(a[3] * k, 2))
                    .s("bstp_nmix_oprc", Fields.dec(a[0] * k, 2)).s("bstp_nmix_hgpr", Fields.dec(a[1] * k, 2))
                    .s("bstp_nmix_lwpr", Fields.dec(a[2] * k, 2)).s("acml_vol", (long) a[4])
                    .s("acml_tr_pbmn", (long) a[5] / 1_000_000).s("mod_yn", "N"));
        }
        double[] last = sums.isEmpty() ? new double[6] : sums.lastEntry().getValue();
        double[] prev = sums.size() < 2 ? last : sums.lowerEntry(sums.lastKey()).getValue();
        double now = last[3] * k;
        double before = prev[3] * k;
        Fields out1 = new Fields().s("bstp_nmix_prdy_vrss", Fields.dec(now - before, 2))
                .s("prdy_vrss_sign", now > before ? "2" : now < before ? "5" : "3")
                .s("bstp_nmix_prdy_ctrt", Fields.dec(before == 0 ? 0 : (now - before) * 100 / before, 2))
                .s("prdy_nmix", Fields.dec(before, 2)).s("acml_vol", (long) last[4])
                .s("acml_tr_pbmn", (long) last[5] / 1_000_000)
                .s("hts_kor_isnm", type == Stock.MarketType.KOSPI ? "종합" : "KOSDAQ")
                .s("bstp_nmix_prpr", Fields.dec(now, 2)).s("bstp_cls_code", code).s("prdy_vol", (long) prev[4])
                .s("bstp_nmix_oprc", Fields.dec(last[0] * k, 2)).s("bstp_nmix_hgpr", Fields.dec(last[1] * k, 2))
                .s("bstp_nmix_lwpr", Fields.dec(last[2] * k, 2))
                .s("futs_prdy_oprc", Fields.dec(prev[0] * k, 2)).s("futs_prdy_hgpr", Fields.dec(prev[1] * k, 2))
                .s("futs_prdy_lwpr", Fields.dec(prev[2] * k, 2));
        return Fields.ok(OK_CD, OK_MSG).o("output1", out1).o("output2", rows);
    }

    @GetMapping("/uapi/domestic-stock/v1/finance/financial-ratio")
    public Map<String, Object> financialRatio(HttpServletRequest http) {
        return statements(http, (s, q) -> new Fields().s("stac_yymm", q.yymm())
                .s("grs", Fields.dec(q.salesGrowth(), 2)).s("bsop_prfi_inrt", Fields.dec(q.opGrowth(), 2))
                .s("ntin_inrt", Fields.dec(q.netGrowth(), 2)).s("roe_val", Fields.dec(q.roe(), 2))
                .s("eps", Fields.dec(q.eps(), 2)).s("sps", Fields.dec(q.sps(), 2)).s("bps", Fields.dec(q.bps(), 2))
                .s("rsrv_rate", Fields.dec(q.reserveRate(), 2)).s("lblt_rate", Fields.dec(q.debtRate(), 2)));
    }

    @GetMapping("/uapi/domestic-stock/v1/finance/growth-ratio")
    public Map<String, Object> growthRatio(HttpServletRequest http) {
        return statements(http, (s, q) -> new Fields().s("stac_yymm", q.yymm())
                .s("grs", Fields.dec(q.salesGrowth(), 2)).s("bsop_prfi_inrt", Fields.dec(q.opGrowth(), 2))
                .s("equt_inrt", Fields.dec(q.equityGrowth(), 2)).s("totl_aset_inrt", Fields.dec(q.assetGrowth(), 2)));
    }

    @GetMapping("/uapi/domestic-stock/v1/finance/income-statement")
    public Map<String, Object> incomeStatement(HttpServletRequest http) {
        return statements(http, (s, q) -> new Fields().s("stac_yymm", q.yymm())
                .s("sale_account", Fields.dec(q.sales(), 2)).s("sale_cost", Fields.dec(q.sales() * 0.7, 2))
                .s("sale_totl_prfi", Fields.dec(q.sales() * 0.3, 2)).s("depr_cost", Fields.dec(q.sales() * 0.05, 2))
                .s("sell_mang", Fields.dec(q.sales() * 0.3 - q.operatingProfit(), 2))
                .s("bsop_prti", Fields.dec(q.operatingProfit(), 2))
                .s("bsop_non_ernn", Fields.dec(q.sales() * 0.02, 2)).s("bsop_non_expn", Fields.dec(q.sales() * 0.01, 2))
                .s("op_prfi", Fields.dec(q.operatingProfit() + q.sales() * 0.01, 2)).s("spec_prfi", "0.00")
                .s("spec_loss", "0.00").s("thtr_ntin", Fields.dec(q.netIncome(), 2)));
    }

    /** One simulated quarter of a stock (amounts in 억원 as KIS reports them). */
    record Quarter(String yymm, double eps, double bps, double sps, double roe, double salesGrowth, double opGrowth,
                   double netGrowth, double equityGrowth, double assetGrowth, double reserveRate, double debtRate,
                   double sales, double operatingProfit, double netIncome) {
    }

    private interface Row {
        Fields of(Stock stock, Quarter quarter);
    }

    private Map<String, Object> statements(HttpServletRequest http, Row row) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        var stock = market.stock(code);
        if (stock.isEmpty()) {
            var r = Rejections.unknownStock(code);
            return Fields.error(r.msgCd(), r.msg1());
        }
        boolean quarterly = req.get("FID_DIV_CLS_CODE", "0").equals("1");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Quarter q : quarters(stock.get(), quarterly)) {
            rows.add(row.of(stock.get(), q));
        }
        return Fields.ok(OK_CD, OK_MSG).o("output", rows);
    }

    /** The last 8 closed quarters (or years), newest first: a quarter's figures are published ~45 days after it ends. */
    private List<Quarter> quarters(Stock s, boolean quarterly) {
        YearMonth latest = YearMonth.from(market.currentDay().minusDays(45));
        latest = quarterly ? latest.minusMonths(latest.getMonthValue() % 3) : YearMonth.of(latest.getYear() - 1, 12);
        List<Quarter> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            YearMonth ym = quarterly ? latest.minusMonths(3L * i) : latest.minusYears(i);
            SplittableRandom r = new SplittableRandom(market.seed() * 131 + s.code().hashCode() * 7L
                    + ym.getYear() * 12L + ym.getMonthValue());
            double drift = 1 + r.nextGaussian() * 0.08;
            double eps = Math.max(1, s.eps()) * drift;
            double bps = Math.max(1, s.bps()) * (1 - i * 0.01);
            double sps = eps * (6 + r.nextDouble() * 4);
            double sales = sps * s.listedShares() / 100_000_000 / (quarterly ? 4 : 1);
            double op = sales * (0.05 + r.nextDouble() * 0.15);
            out.add(new Quarter(ym.format(DateTimeFormatter.ofPattern("yyyyMM")), eps, bps, sps, eps * 100 / bps,
                    r.nextGaussian() * 10, r.nextGaussian() * 15, r.nextGaussian() * 20, 3 + r.nextGaussian() * 2,
                    4 + r.nextGaussian() * 2, 500 + r.nextDouble() * 2000, 30 + r.nextDouble() * 120, sales, op,
                    op * 0.75));
        }
        return out;
    }

    private List<Quote> quotes() {
        List<Quote> quotes = new ArrayList<>();
        for (Stock s : market.universe().all()) {
            quotes.add(market.quote(s.code()));
        }
        return quotes;
    }

    private static Fields common(Fields row, Quote q) {
        return row.s("hts_kor_isnm", q.stock().name()).s("stck_prpr", q.price())
                .s("prdy_vrss", q.price() - q.prevClose()).s("prdy_vrss_sign", PriceMath.sign(q.price(), q.prevClose()))
                .s("prdy_ctrt", PriceMath.fmt2(PriceMath.rate(q.price(), q.prevClose())))
                .s("acml_vol", q.volume() == 0 ? q.prevDayVolume() : q.volume());
    }

    private long flow(String code, LocalDate date, String who, long volume) {
        SplittableRandom r = new SplittableRandom(market.seed() * 31 + code.hashCode() * 17L + date.toEpochDay()
                + who.hashCode());
        return Math.round(r.nextGaussian() * volume / 10.0);
    }

    private static LocalDate date(String text, LocalDate fallback) {
        try {
            return text.isEmpty() ? fallback : LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
