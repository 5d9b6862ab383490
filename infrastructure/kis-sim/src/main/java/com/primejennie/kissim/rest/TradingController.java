package com.primejennie.kissim.rest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.kissim.accounts.Account;
import com.primejennie.kissim.accounts.Holding;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.PriceMath;
import com.primejennie.kissim.market.Quote;
import com.primejennie.kissim.orders.Exchange;
import com.primejennie.kissim.orders.OrderView;
import com.primejennie.kissim.orders.Rejection;
import com.primejennie.kissim.orders.Rejections;
import com.primejennie.kissim.orders.Side;

import jakarta.servlet.http.HttpServletRequest;

/**
 * KIS's trading endpoints: cash orders, cancel, balance and holdings, orderable cash, today's orders and fills.
 * Business rejections answer HTTP 200 with {@code rt_cd:"1"}, as KIS does; messages read "모의투자 ..." for paper
 * tr_ids, as on KIS's paper server.
 */
@RestController
@RequestMapping("/uapi/domestic-stock/v1/trading")
public class TradingController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Exchange exchange;
    private final MarketSimulator market;

    public TradingController(Exchange exchange, MarketSimulator market) {
        this.exchange = exchange;
        this.market = market;
    }

    @PostMapping("/order-cash")
    public Map<String, Object> orderCash(HttpServletRequest http, @RequestBody(required = false) Map<String, Object> body) {
        KisRequest req = KisRequest.body(http, body);
        Side side = TrIds.BUY.contains(req.trId()) ? Side.BUY : Side.SELL;
        long qty = req.getLong("ORD_QTY", 0);
        long price = req.getLong("ORD_UNPR", 0);
        if (qty == Long.MIN_VALUE || price == Long.MIN_VALUE) {
            throw Rejections.badQuantity();
        }
        OrderView order = exchange.place(req.get("CANO"), req.get("ACNT_PRDT_CD"), side, req.get("PDNO"),
                req.get("ORD_DVSN"), qty, price);
        String msg = req.paper() ? (side == Side.BUY ? "모의투자 매수주문이 완료 되었습니다."
                : "모의투자 매도주문이 완료 되었습니다.") : "주문 전송 완료 되었습니다.";
        return Fields.ok(req.paper() ? "40600000" : "APBK0013", msg).o("output", new Fields()
                .s("KRX_FWDG_ORD_ORGNO", order.orgNo()).s("ODNO", order.odno())
                .s("ORD_TMD", Fields.time(order.time())));
    }

    @PostMapping("/order-rvsecncl")
    public Map<String, Object> orderRvseCncl(HttpServletRequest http,
                                             @RequestBody(required = false) Map<String, Object> body) {
        KisRequest req = KisRequest.body(http, body);
        if (!"02".equals(req.get("RVSE_CNCL_DVSN_CD"))) {
            return Fields.error("APBK0440", "정정/취소구분코드(RVSE_CNCL_DVSN_CD) 오류입니다. 취소(02)만 지원합니다");
        }
        boolean all = "Y".equalsIgnoreCase(req.get("QTY_ALL_ORD_YN")) || "1".equals(req.get("QTY_ALL_DVSN_CD"));
        OrderView cancel = exchange.cancel(req.get("CANO"), req.get("ORGN_ODNO"), all, req.getLong("ORD_QTY", 0));
        String msg = req.paper() ? "모의투자 취소주문이 완료 되었습니다." : "주문 전송 완료 되었습니다.";
        return Fields.ok(req.paper() ? "40640000" : "APBK0013", msg).o("output", new Fields()
                .s("krx_fwdg_ord_orgno", cancel.orgNo()).s("odno", cancel.odno())
                .s("ord_tmd", Fields.time(cancel.time())));
    }

    @GetMapping("/inquire-balance")
    public Map<String, Object> inquireBalance(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        Account account = account(req);
        synchronized (exchange.lock()) {
            LocalDate today = market.currentDay();
            List<Map<String, Object>> rows = new ArrayList<>();
            long purchase = 0;
            long evaluation = 0;
            for (Holding h : account.holdings()) {
                if (h.quantity() <= 0) {
                    continue;
                }
                Quote q = market.quote(h.code());
                long eval = h.quantity() * q.price();
                long pnl = eval - h.purchaseAmount();
                purchase += h.purchaseAmount();
                evaluation += eval;
                rows.add(new Fields().s("pdno", h.code()).s("prdt_name", h.name()).s("trad_dvsn_name", "현금")
                        .s("bfdy_buy_qty", 0).s("bfdy_sll_qty", 0).s("thdt_buyqty", h.todayBuyQty())
                        .s("thdt_sll_qty", h.todaySellQty()).s("hldg_qty", h.quantity())
                        .s("ord_psbl_qty", h.orderableQty()).s("pchs_avg_pric", Fields.dec(h.averagePrice(), 4))
                        .s("pchs_amt", h.purchaseAmount()).s("prpr", q.price()).s("evlu_amt", eval)
                        .s("evlu_pfls_amt", pnl)
                        .s("evlu_pfls_rt", Fields.dec(h.purchaseAmount() == 0 ? 0 : pnl * 100.0 / h.purchaseAmount(), 2))
                        .s("evlu_erng_rt", Fields.dec(h.purchaseAmount() == 0 ? 0 : pnl * 100.0 / h.purchaseAmount(), 8))
                        .s("loan_dt", "").s("loan_amt", 0).s("stln_slng_chgs", 0).s("expd_dt", "")
                        .s("fltt_rt", PriceMath.fmt2(PriceMath.rate(q.price(), q.prevClose())))
                        .s("bfdy_cprs_icdc", q.price() - q.prevClose()).s("item_mgna_rt_name", "20%")
                        .s("grta_rt_name", "").s("sbst_pric", q.prevClose() * 7 / 10).s("stck_loan_unpr", "0.0000"));
            }
            long deposit = account.cashSettledBy(today);
            long d1 = account.cashSettledBy(market.calendar().next(today));
            long d2 = account.cashAfterSettlement();
            Fields sum = new Fields().s("dnca_tot_amt", deposit).s("nxdy_excc_amt", d1).s("prvs_rcdl_excc_amt", d2)
                    .s("cma_evlu_amt", 0).s("bfdy_buy_amt", 0).s("thdt_buy_amt", account.todayBuyAmount())
                    .s("nxdy_auto_rdpt_amt", 0).s("bfdy_sll_amt", 0).s("thdt_sll_amt", account.todaySellAmount())
                    .s("d2_auto_rdpt_amt", 0).s("bfdy_tlex_amt", 0).s("thdt_tlex_amt", account.todayFees())
                    .s("tot_loan_amt", 0).s("scts_evlu_amt", evaluation).s("tot_evlu_amt", d2 + evaluation)
                    .s("nass_amt", d2 + evaluation).s("fncg_gld_auto_rdpt_yn", "N")
                    .s("pchs_amt_smtl_amt", purchase).s("evlu_amt_smtl_amt", evaluation)
                    .s("evlu_pfls_smtl_amt", evaluation - purchase).s("tot_stln_slng_chgs", 0)
                    .s("bfdy_tot_asst_evlu_amt", d2 + evaluation).s("asst_icdc_amt", 0)
                    .s("asst_icdc_erng_rt", "0.00000000");
            return inquiryOk(req).s("ctx_area_fk100", "").s("ctx_area_nk100", "").o("output1", rows)
                    .o("output2", List.of(sum));
        }
    }

    @GetMapping("/inquire-psbl-order")
    public Map<String, Object> inquirePsblOrder(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        Account account = account(req);
        synchronized (exchange.lock()) {
            String code = req.get("PDNO");
            long unit = req.getLong("ORD_UNPR", 0);
            boolean market01 = "01".equals(req.get("ORD_DVSN"));
            if (market.stock(code).isPresent() && (market01 || unit <= 0)) {
                Quote q = market.quote(code);
                // KIS sizes market buys at the upper price limit
                unit = market01 ? q.upperLimit() : q.price();
            }
            long cash = Math.max(0, account.orderableCash());
            double rate = exchange.settings().commissionRate();
            long qty = unit <= 0 ? 0 : (long) Math.floor(cash / (unit * (1 + rate)));
            long amount = (long) Math.floor(qty * unit * (1 + rate));
            Fields out = new Fields().s("ord_psbl_cash", cash).s("ord_psbl_sbst", 0).s("ruse_psbl_amt", 0)
                    .s("fund_rpch_chgs", 0).s("psbl_qty_calc_unpr", Math.max(0, unit)).s("nrcvb_buy_amt", amount)
                    .s("nrcvb_buy_qty", qty).s("max_buy_amt", amount).s("max_buy_qty", qty).s("cma_evlu_amt", 0)
                    .s("ovrs_re_use_amt_wcrc", 0).s("ord_psbl_frcr_amt_wcrc", 0);
            return inquiryOk(req).o("output", out);
        }
    }

    @GetMapping("/inquire-daily-ccld")
    public Map<String, Object> inquireDailyCcld(HttpServletRequest http) {
        KisRequest req = KisRequest.query(http);
        Account account = account(req);
        LocalDate today = market.currentDay();
        LocalDate from = date(req.get("INQR_STRT_DT"), today);
        LocalDate to = date(req.get("INQR_END_DT"), today);
        String side = req.get("SLL_BUY_DVSN_CD", "00");
        String code = req.get("PDNO");
        String ccld = req.get("CCLD_DVSN", "00");
        String odno = req.get("ODNO");
        List<OrderView> orders = new ArrayList<>(exchange.orders(account.cano(), from, to).stream()
                .filter(o -> "00".equals(side) || o.side().code().equals(side))
                .filter(o -> code.isEmpty() || o.code().equals(code))
                .filter(o -> odno.isEmpty() || o.odno().equals(pad(odno)))
                .filter(o -> "00".equals(ccld) || ("01".equals(ccld) == (o.filledQty() > 0)))
                .toList());
        if (!"01".equals(req.get("INQR_DVSN"))) {
            java.util.Collections.reverse(orders); // 00: newest first, as KIS
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long totOrd = 0;
        long totCcld = 0;
        long totAmt = 0;
        for (OrderView o : orders) {
            totOrd += o.quantity();
            totCcld += o.filledQty();
            totAmt += o.filledAmount();
            rows.add(new Fields().s("ord_dt", Fields.date(o.date())).s("ord_gno_brno", o.orgNo()).s("odno", o.odno())
                    .s("orgn_odno", o.originalOdno())
                    .s("ord_dvsn_name", o.cancel() ? "취소" + o.type().kisName() : o.type().kisName())
                    .s("sll_buy_dvsn_cd", o.side().code()).s("sll_buy_dvsn_cd_name", o.side().kisName())
                    .s("pdno", o.code()).s("prdt_name", o.name()).s("ord_qty", o.quantity())
                    .s("ord_unpr", o.price()).s("ord_tmd", Fields.time(o.time())).s("tot_ccld_qty", o.filledQty())
                    .s("avg_prvs", o.averagePrice()).s("cncl_yn", o.cancel() || o.cancelledQty() > 0 ? "Y" : "N")
                    .s("tot_ccld_amt", o.filledAmount()).s("loan_dt", "").s("ordr_empno", "OpnAPI")
                    .s("ord_dvsn_cd", o.type().code()).s("cnc_cfrm_qty", o.cancel() ? o.quantity() : o.cancelledQty())
                    .s("rmn_qty", o.remaining()).s("rjct_qty", 0).s("ccld_cndt_name", "없음")
                    .s("inqr_ip_addr", "").s("cpbc_ordp_ord_rcit_dvsn_cd", "").s("cpbc_ordp_infm_mthd_dvsn_cd", "")
                    .s("infm_tmd", "").s("ctac_tlno", "").s("prdt_type_cd", "300").s("excg_dvsn_cd", "02")
                    .s("cpbc_ordp_mtrl_dvsn_cd", "").s("ord_orgno", o.orgNo()).s("rsvn_ord_end_dt", "")
                    .s("excg_id_dvsn_Cd", "KRX").s("stpm_cndt_pric", 0).s("stpm_efct_occr_dtmd", ""));
        }
        Fields out2 = new Fields().s("tot_ord_qty", totOrd).s("tot_ccld_qty", totCcld).s("tot_ccld_amt", totAmt)
                .s("prsm_tlex_smtl", Math.round(totAmt * exchange.settings().commissionRate()))
                .s("pchs_avg_pric", Fields.dec(totCcld == 0 ? 0 : (double) totAmt / totCcld, 4));
        return inquiryOk(req).s("ctx_area_fk100", "").s("ctx_area_nk100", "").o("output1", rows).o("output2", out2);
    }

    @ExceptionHandler(Rejection.class)
    public Map<String, Object> rejected(Rejection r, HttpServletRequest http) {
        return Fields.error(r.msgCd(), r.msg1());
    }

    private Account account(KisRequest req) {
        String cano = req.get("CANO");
        if (!cano.matches("\\d{8}")) {
            throw Rejections.badAccount();
        }
        return exchange.account(cano, req.get("ACNT_PRDT_CD", "01"));
    }

    private static Fields inquiryOk(KisRequest req) {
        return req.paper() ? Fields.ok("20310000", "모의투자 조회가 완료되었습니다.")
                : Fields.ok("KIOK0510", "조회가 완료되었습니다");
    }

    private static String pad(String odno) {
        return odno.matches("\\d{1,10}") ? String.format("%010d", Long.parseLong(odno)) : odno;
    }

    private static LocalDate date(String text, LocalDate fallback) {
        try {
            return text.isEmpty() ? fallback : LocalDate.parse(text, DATE);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
