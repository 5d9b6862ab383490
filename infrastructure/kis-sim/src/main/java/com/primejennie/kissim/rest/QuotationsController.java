package com.primejennie.kissim.rest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.kissim.market.DailyBar;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.MinuteBar;
import com.primejennie.kissim.market.PriceMath;
import com.primejennie.kissim.market.Quote;
import com.primejennie.kissim.market.Stock;
import com.primejennie.kissim.market.Ticks;
import com.primejennie.kissim.orders.Rejections;

import jakarta.servlet.http.HttpServletRequest;

/**
 * KIS's quotation endpoints (current price, daily and minute charts, daily price, investor flow) answered from the
 * simulated market, with every response field KIS documents. Prices follow the market clock and the seed: asking
 * twice gives the same answer (the Python mock drew a new random price on every call, §3.7).
 */
@RestController
@RequestMapping("/uapi/domestic-stock/v1/quotations")
public class QuotationsController {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HHmmss");
    private static final String OK_CD = "MCA00000";
    private static final String OK_MSG = "정상처리 되었습니다.";

    private final MarketSimulator market;

    public QuotationsController(MarketSimulator market) {
        this.market = market;
    }

    @GetMapping("/inquire-price")
    public Map<String, Object> inquirePrice(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        if (market.stock(code).isEmpty()) {
            return unknown(code);
        }
        Quote q = market.quote(code);
        Stock s = q.stock();
        List<DailyBar> year = market.dailyBars(code, q.date().minusDays(365), q.date());
        List<DailyBar> ytd = year.stream().filter(b -> b.date().getYear() == q.date().getYear()).toList();
        DailyBar prev = year.stream().filter(b -> b.date().isBefore(q.date())).reduce((a, b) -> b).orElse(null);
        DailyBar hi250 = year.stream().max(Comparator.comparingLong(DailyBar::high)).orElse(null);
        DailyBar lo250 = year.stream().min(Comparator.comparingLong(DailyBar::low)).orElse(null);
        DailyBar hiY = ytd.stream().max(Comparator.comparingLong(DailyBar::high)).orElse(hi250);
        DailyBar loY = ytd.stream().min(Comparator.comparingLong(DailyBar::low)).orElse(lo250);
        long price = q.price();
        long pivot = prev == null ? q.prevClose() : (prev.high() + prev.low() + prev.close()) / 3;
        long pHigh = prev == null ? q.prevClose() : prev.high();
        long pLow = prev == null ? q.prevClose() : prev.low();
        Fields o = new Fields()
                .s("iscd_stat_cls_code", "55").s("marg_rate", "20.00")
                .s("rprs_mrkt_kor_name", s.market().kisName()).s("new_hgpr_lwpr_cls_code", "")
                .s("bstp_kor_isnm", s.sector()).s("temp_stop_yn", "N").s("oprc_rang_cont_yn", "N")
                .s("clpr_rang_cont_yn", "N").s("crdt_able_yn", "Y").s("grmn_rate_cls_code", "40")
                .s("elw_pblc_yn", "N")
                .s("stck_prpr", price).s("prdy_vrss", price - q.prevClose())
                .s("prdy_vrss_sign", PriceMath.sign(price, q.prevClose()))
                .s("prdy_ctrt", PriceMath.fmt2(PriceMath.rate(price, q.prevClose())))
                .s("acml_tr_pbmn", q.value()).s("acml_vol", q.volume())
                .s("prdy_vrss_vol_rate", Fields.dec(q.prevDayVolume() == 0 ? 0
                        : q.volume() * 100.0 / q.prevDayVolume(), 2))
                .s("stck_oprc", q.open()).s("stck_hgpr", q.high()).s("stck_lwpr", q.low())
                .s("stck_mxpr", q.upperLimit()).s("stck_llam", q.lowerLimit()).s("stck_sdpr", q.prevClose())
                .s("wghn_avrg_stck_prc", Fields.dec(q.volume() == 0 ? price : (double) q.value() / q.volume(), 2))
                .s("hts_frgn_ehrt", "35.42").s("frgn_ntby_qty", "0").s("pgtr_ntby_qty", "0")
                .s("pvt_scnd_dmrs_prc", Ticks.snap(pivot + (pHigh - pLow)))
                .s("pvt_frst_dmrs_prc", Ticks.snap(2 * pivot - pLow)).s("pvt_pont_val", Ticks.snap(pivot))
                .s("pvt_frst_dmsp_prc", Ticks.snap(2 * pivot - pHigh))
                .s("pvt_scnd_dmsp_prc", Ticks.snap(Math.max(1, pivot - (pHigh - pLow))))
                .s("dmrs_val", Ticks.snap(pivot + (pHigh - pLow) / 2)).s("dmsp_val", Ticks.snap(pivot - (pHigh - pLow) / 2))
                .s("cpfn", Math.max(1, s.listedShares() * 100 / 100_000_000)).s("rstc_wdth_prc", q.upperLimit() - q.prevClose())
                .s("stck_fcam", "100").s("stck_sspr", Ticks.snap(q.prevClose() * 7 / 10))
                .s("aspr_unit", Ticks.tickFor(price)).s("hts_deal_qty_unit_val", "1")
                .s("lstn_stcn", s.listedShares()).s("hts_avls", price * s.listedShares() / 100_000_000)
                .s("per", Fields.dec(s.eps() == 0 ? 0 : (double) price / s.eps(), 2))
                .s("pbr", Fields.dec(s.bps() == 0 ? 0 : (double) price / s.bps(), 2))
                .s("stac_month", "12")
                .s("vol_tnrt", Fields.dec(q.volume() * 100.0 / Math.max(1, s.listedShares()), 2))
                .s("eps", Fields.dec(s.eps(), 2)).s("bps", Fields.dec(s.bps(), 2));
        extremes(o, "d250_hgpr", hi250, true, price, "d250_hgpr_date", "d250_hgpr_vrss_prpr_rate");
        extremes(o, "d250_lwpr", lo250, false, price, "d250_lwpr_date", "d250_lwpr_vrss_prpr_rate");
        o.s("stck_dryy_hgpr", hiY == null ? price : hiY.high())
                .s("dryy_hgpr_vrss_prpr_rate", rate(price, hiY == null ? price : hiY.high()))
                .s("dryy_hgpr_date", hiY == null ? "" : Fields.date(hiY.date()))
                .s("stck_dryy_lwpr", loY == null ? price : loY.low())
                .s("dryy_lwpr_vrss_prpr_rate", rate(price, loY == null ? price : loY.low()))
                .s("dryy_lwpr_date", loY == null ? "" : Fields.date(loY.date()));
        extremes(o, "w52_hgpr", hi250, true, price, "w52_hgpr_date", "w52_hgpr_vrss_prpr_ctrt");
        extremes(o, "w52_lwpr", lo250, false, price, "w52_lwpr_date", "w52_lwpr_vrss_prpr_ctrt");
        o.s("whol_loan_rmnd_rate", "0.12").s("ssts_yn", "Y").s("stck_shrn_iscd", s.code())
                .s("fcam_cnnm", "원").s("cpfn_cnnm", "억").s("apprch_rate", "0.00").s("frgn_hldn_qty", "0")
                .s("vi_cls_code", "N").s("ovtm_vi_cls_code", "N").s("last_ssts_cntg_qty", "0")
                .s("invt_caful_yn", "N").s("mrkt_warn_cls_code", "00").s("short_over_yn", "N")
                .s("sltr_yn", "N").s("mang_issu_cls_code", "N");
        return Fields.ok(OK_CD, OK_MSG).o("output", o);
    }

    @GetMapping("/inquire-daily-price")
    public Map<String, Object> inquireDailyPrice(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        if (market.stock(code).isEmpty()) {
            return unknown(code);
        }
        LocalDate today = market.currentDay();
        String period = req.get("FID_PERIOD_DIV_CODE", "D");
        List<DailyBar> bars = periodBars(market.dailyBars(code, today.minusYears(3), today), period);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 30; i--) {
            DailyBar b = bars.get(i);
            rows.add(new Fields().s("stck_bsop_date", Fields.date(b.date())).s("stck_oprc", b.open())
                    .s("stck_hgpr", b.high()).s("stck_lwpr", b.low()).s("stck_clpr", b.close())
                    .s("acml_vol", b.volume())
                    .s("prdy_vrss_vol_rate", i > 0 ? Fields.dec(b.volume() * 100.0 / Math.max(1,
                            bars.get(i - 1).volume()) - 100, 2) : "0.00")
                    .s("prdy_vrss", b.close() - b.prevClose()).s("prdy_vrss_sign", PriceMath.sign(b.close(), b.prevClose()))
                    .s("prdy_ctrt", PriceMath.fmt2(PriceMath.rate(b.close(), b.prevClose())))
                    .s("hts_frgn_ehrt", "35.42").s("frgn_ntby_qty", flow(code, b.date(), "frgn", b.volume()))
                    .s("flng_cls_code", "00").s("acml_prtt_rate", "0.00"));
        }
        return Fields.ok(OK_CD, OK_MSG).o("output", rows);
    }

    @GetMapping("/inquire-daily-itemchartprice")
    public Map<String, Object> inquireDailyItemChart(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        if (market.stock(code).isEmpty()) {
            return unknown(code);
        }
        LocalDate today = market.currentDay();
        LocalDate from = parseDate(req.get("FID_INPUT_DATE_1"), today.minusDays(140));
        LocalDate to = parseDate(req.get("FID_INPUT_DATE_2"), today);
        List<DailyBar> bars = periodBars(market.dailyBars(code, from, to), req.get("FID_PERIOD_DIV_CODE", "D"));
        Quote q = market.quote(code);
        Stock s = q.stock();
        Fields out1 = new Fields().s("prdy_vrss", q.price() - q.prevClose())
                .s("prdy_vrss_sign", PriceMath.sign(q.price(), q.prevClose()))
                .s("prdy_ctrt", PriceMath.fmt2(PriceMath.rate(q.price(), q.prevClose())))
                .s("stck_prdy_clpr", q.prevClose()).s("acml_vol", q.volume()).s("acml_tr_pbmn", q.value())
                .s("hts_kor_isnm", s.name()).s("stck_prpr", q.price()).s("stck_shrn_iscd", s.code())
                .s("prdy_vol", q.prevDayVolume()).s("stck_mxpr", q.upperLimit()).s("stck_llam", q.lowerLimit())
                .s("stck_oprc", q.open()).s("stck_hgpr", q.high()).s("stck_lwpr", q.low());
        DailyBar prev = market.dailyBars(code, q.date().minusDays(14), q.date().minusDays(1)).stream()
                .reduce((a, b) -> b).orElse(null);
        out1.s("stck_prdy_oprc", prev == null ? q.prevClose() : prev.open())
                .s("stck_prdy_hgpr", prev == null ? q.prevClose() : prev.high())
                .s("stck_prdy_lwpr", prev == null ? q.prevClose() : prev.low())
                .s("askp", Ticks.step(q.price(), 1)).s("bidp", q.price())
                .s("prdy_vrss_vol", q.volume() - q.prevDayVolume())
                .s("vol_tnrt", Fields.dec(q.volume() * 100.0 / Math.max(1, s.listedShares()), 2))
                .s("stck_fcam", "100").s("lstn_stcn", s.listedShares())
                .s("cpfn", Math.max(1, s.listedShares() * 100 / 100_000_000))
                .s("hts_avls", q.price() * s.listedShares() / 100_000_000)
                .s("per", Fields.dec(s.eps() == 0 ? 0 : (double) q.price() / s.eps(), 2))
                .s("eps", Fields.dec(s.eps(), 2))
                .s("pbr", Fields.dec(s.bps() == 0 ? 0 : (double) q.price() / s.bps(), 2))
                .s("itewhol_loan_rmnd_ratem", "0.12");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 100; i--) {
            DailyBar b = bars.get(i);
            rows.add(new Fields().s("stck_bsop_date", Fields.date(b.date())).s("stck_clpr", b.close())
                    .s("stck_oprc", b.open()).s("stck_hgpr", b.high()).s("stck_lwpr", b.low())
                    .s("acml_vol", b.volume()).s("acml_tr_pbmn", b.value()).s("flng_cls_code", "00")
                    .s("prtt_rate", "0.00").s("mod_yn", "N")
                    .s("prdy_vrss_sign", PriceMath.sign(b.close(), b.prevClose()))
                    .s("prdy_vrss", b.close() - b.prevClose()).s("revl_issu_reas", ""));
        }
        return Fields.ok(OK_CD, OK_MSG).o("output1", out1).o("output2", rows);
    }

    @GetMapping("/inquire-time-itemchartprice")
    public Map<String, Object> inquireTimeItemChart(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        if (market.stock(code).isEmpty()) {
            return unknown(code);
        }
        LocalTime until = parseHour(req.get("FID_INPUT_HOUR_1"), market.clock().now().toLocalTime());
        Quote q = market.quote(code);
        List<MinuteBar> bars = market.minuteBars(code, until);
        Fields out1 = new Fields().s("prdy_vrss", q.price() - q.prevClose())
                .s("prdy_vrss_sign", PriceMath.sign(q.price(), q.prevClose()))
                .s("prdy_ctrt", PriceMath.fmt2(PriceMath.rate(q.price(), q.prevClose())))
                .s("stck_prdy_clpr", q.prevClose()).s("acml_vol", q.volume()).s("acml_tr_pbmn", q.value())
                .s("hts_kor_isnm", q.stock().name()).s("stck_prpr", q.price());
        List<Map<String, Object>> rows = new ArrayList<>();
        long cumValue = bars.stream().mapToLong(MinuteBar::value).sum();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 30; i--) {
            MinuteBar b = bars.get(i);
            // KIS puts the bar's close in stck_prpr (there is no stck_clpr here)
            rows.add(new Fields().s("stck_bsop_date", Fields.date(b.date()))
                    .s("stck_cntg_hour", b.minute().format(HOUR)).s("stck_prpr", b.close())
                    .s("stck_oprc", b.open()).s("stck_hgpr", b.high()).s("stck_lwpr", b.low())
                    .s("cntg_vol", b.volume()).s("acml_tr_pbmn", cumValue));
            cumValue -= b.value();
        }
        return Fields.ok(OK_CD, OK_MSG).o("output1", out1).o("output2", rows);
    }

    @GetMapping("/inquire-investor")
    public Map<String, Object> inquireInvestor(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        String code = req.get("FID_INPUT_ISCD");
        if (market.stock(code).isEmpty()) {
            return unknown(code);
        }
        LocalDate today = market.currentDay();
        List<DailyBar> bars = market.dailyBars(code, today.minusDays(60), today);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 30; i--) {
            DailyBar b = bars.get(i);
            long frgn = flow(code, b.date(), "frgn", b.volume());
            long orgn = flow(code, b.date(), "orgn", b.volume());
            long prsn = -(frgn + orgn);
            long px = b.close();
            Fields row = new Fields().s("stck_bsop_date", Fields.date(b.date())).s("stck_clpr", b.close())
                    .s("prdy_vrss", b.close() - b.prevClose()).s("prdy_vrss_sign", PriceMath.sign(b.close(), b.prevClose()))
                    .s("prsn_ntby_qty", prsn).s("frgn_ntby_qty", frgn).s("orgn_ntby_qty", orgn)
                    .s("prsn_ntby_tr_pbmn", prsn * px / 1_000_000).s("frgn_ntby_tr_pbmn", frgn * px / 1_000_000)
                    .s("orgn_ntby_tr_pbmn", orgn * px / 1_000_000);
            long half = b.volume() / 2;
            long[] buys = {half / 2 + Math.max(0, prsn), half / 4 + Math.max(0, frgn), half / 4 + Math.max(0, orgn)};
            long[] sells = {buys[0] - prsn, buys[1] - frgn, buys[2] - orgn};
            String[] who = {"prsn", "frgn", "orgn"};
            for (int k = 0; k < 3; k++) {
                row.s(who[k] + "_shnu_vol", buys[k]);
            }
            for (int k = 0; k < 3; k++) {
                row.s(who[k] + "_shnu_tr_pbmn", buys[k] * px / 1_000_000);
            }
            for (int k = 0; k < 3; k++) {
                row.s(who[k] + "_seln_vol", sells[k]);
            }
            for (int k = 0; k < 3; k++) {
                row.s(who[k] + "_seln_tr_pbmn", sells[k] * px / 1_000_000);
            }
            rows.add(row);
        }
        return Fields.ok(OK_CD, OK_MSG).o("output", rows);
    }

    /** Net buying of one investor group on one day: reproducible per seed, within a tenth of the day's volume. */
    private long flow(String code, LocalDate date, String who, long volume) {
        SplittableRandom r = new SplittableRandom(market.seed() * 31 + code.hashCode() * 17L + date.toEpochDay()
                + who.hashCode());
        return Math.round(r.nextGaussian() * volume / 10.0);
    }

    private static List<DailyBar> periodBars(List<DailyBar> daily, String period) {
        if (period.equalsIgnoreCase("D") || daily.isEmpty()) {
            return daily;
        }
        List<DailyBar> out = new ArrayList<>();
        DailyBar acc = null;
        for (DailyBar b : daily) {
            boolean sameBucket = acc != null && (period.equalsIgnoreCase("W")
                    ? acc.date().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    == b.date().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    && acc.date().getYear() == b.date().getYear()
                    : period.equalsIgnoreCase("M") ? acc.date().getMonth() == b.date().getMonth()
                    && acc.date().getYear() == b.date().getYear()
                    : acc.date().getYear() == b.date().getYear());
            if (sameBucket) {
                acc = new DailyBar(b.date(), acc.open(), Math.max(acc.high(), b.high()), Math.min(acc.low(), b.low()),
                        b.close(), acc.volume() + b.volume(), acc.value() + b.value(), acc.prevClose());
                out.set(out.size() - 1, acc);
            } else {
                acc = b;
                out.add(b);
            }
        }
        return out;
    }

    private static void extremes(Fields o, String key, DailyBar bar, boolean high, long price, String dateKey,
                                 String rateKey) {
        long v = bar == null ? price : high ? bar.high() : bar.low();
        o.s(key, v).s(dateKey, bar == null ? "" : Fields.date(bar.date())).s(rateKey, rate(price, v));
    }

    private static String rate(long price, long reference) {
        return Fields.dec(reference == 0 ? 0 : (price - reference) * 100.0 / reference, 2);
    }

    private static LocalDate parseDate(String text, LocalDate fallback) {
        try {
            return text.isEmpty() ? fallback : LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static LocalTime parseHour(String text, LocalTime fallback) {
        try {
            return text.isEmpty() ? fallback : LocalTime.parse(text, HOUR);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static Map<String, Object> unknown(String code) {
        var r = Rejections.unknownStock(code);
        return Fields.error(r.msgCd(), r.msg1());
    }
}
