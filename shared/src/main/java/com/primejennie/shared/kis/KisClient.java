package com.primejennie.shared.kis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * The KIS Open API operations the suite uses, typed. Every call goes through {@link KisTransport} (breaker, shared
 * rate budget, shared token, msg_cd classification); failures are thrown as {@link KisException}, never turned into
 * an empty list or a zero (the Python client's balance answered {@code []} on failure and callers took it for "no
 * holdings").
 */
public class KisClient {

    static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");
    private static final int MAX_PAGES = 50;

    private final KisTransport transport;
    private final KisTokenProvider tokens;
    private final MarketClock clock;

    public KisClient(KisTransport transport, KisTokenProvider tokens, MarketClock clock) {
        this.transport = transport;
        this.tokens = tokens;
        this.clock = clock;
    }

    public KisMode mode() {
        return transport.mode();
    }

    /** The suite's shared access token (issued at most once a minute, cached in Redis). */
    public String accessToken() {
        return tokens.token();
    }

    /** A WebSocket approval key for the real-time feed. */
    public String approvalKey() {
        return tokens.approvalKey();
    }

    /** Current price snapshot of {@code code}. */
    public Quote currentPrice(String code) {
        JsonNode out = read(KisOperation.CURRENT_PRICE, stockQuery(code)).body().path("output");
        return new Quote(code, text(out, "hts_kor_isnm"), num(out, "stck_prpr"), num(out, "stck_oprc"),
                num(out, "stck_hgpr"), num(out, "stck_lwpr"), num(out, "acml_vol"), dbl(out, "per"),
                dbl(out, "pbr"), dbl(out, "eps"), dbl(out, "bps"), num(out, "lstn_stcn"));
    }

    /** Daily (D), weekly (W) or monthly (M) bars from {@code from} to {@code to}, paged back 100 at a time, oldest first. */
    public List<DailyBar> dailyChart(String code, LocalDate from, LocalDate to, char period) {
        if ("DWM".indexOf(period) < 0) {
            throw new IllegalArgumentException("period must be D, W or M, got " + period);
        }
        List<DailyBar> bars = new ArrayList<>();
        LocalDate end = to;
        for (int page = 0; page < MAX_PAGES && !end.isBefore(from); page++) {
            Map<String, String> q = stockQuery(code);
            q.put("FID_INPUT_DATE_1", from.format(YMD));
            q.put("FID_INPUT_DATE_2", end.format(YMD));
            q.put("FID_PERIOD_DIV_CODE", String.valueOf(period));
            q.put("FID_ORG_ADJ_PRC", "1"); // as the Python suite asked (KIS: 0 adjusted, 1 original)
            List<DailyBar> chunk = new ArrayList<>();
            for (JsonNode row : read(KisOperation.DAILY_CHART, q).body().path("output2")) {
                String date = text(row, "stck_bsop_date");
                if (date.isEmpty()) {
                    continue;
                }
                chunk.add(new DailyBar(LocalDate.parse(date, YMD), num(row, "stck_oprc"), num(row, "stck_hgpr"),
                        num(row, "stck_lwpr"), num(row, "stck_clpr"), num(row, "acml_vol")));
            }
            bars.addAll(chunk);
            if (chunk.size() < 100) {
                break;
            }
            LocalDate oldest = chunk.stream().map(DailyBar::date).min(Comparator.naturalOrder()).orElse(from);
            end = oldest.minusDays(1);
        }
        return bars.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).distinct()
                .sorted(Comparator.comparing(DailyBar::date)).toList();
    }

    /** Today's minute bars up to {@code until} (KIS gives the 30 bars ending there), oldest first. */
    public List<MinuteBar> minuteChart(String code, LocalTime until) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("FID_ETC_CLS_CODE", "");
        q.putAll(stockQuery(code));
        q.put("FID_INPUT_HOUR_1", until.format(HMS));
        q.put("FID_PW_DATA_INCU_YN", "N");
        List<MinuteBar> bars = new ArrayList<>();
        for (JsonNode row : read(KisOperation.MINUTE_CHART, q).body().path("output2")) {
            String date = text(row, "stck_bsop_date");
            String time = text(row, "stck_cntg_hour");
            if (date.isEmpty() || time.isEmpty()) {
                continue;
            }
            // [QUIRK] fixed: the minute chart has no stck_clpr; the bar's close is stck_prpr. Volume is the bar's cntg_vol.
            bars.add(new MinuteBar(LocalDate.parse(date, YMD), LocalTime.parse(time, HMS), num(row, "stck_oprc"),
                    num(row, "stck_hgpr"), num(row, "stck_lwpr"), num(row, "stck_prpr"), num(row, "cntg_vol")));
        }
        bars.sort(Comparator.comparing(MinuteBar::date).thenComparing(MinuteBar::time));
        return bars;
    }

    /** The last 30 trading days (inquire-daily-price), oldest first. */
    public List<DailyBar> dailyPrices(String code) {
        Map<String, String> q = stockQuery(code);
        q.put("FID_PERIOD_DIV_CODE", "D");
        q.put("FID_ORG_ADJ_PRC", "0");
        List<DailyBar> bars = new ArrayList<>();
        for (JsonNode row : read(KisOperation.DAILY_PRICE, q).body().path("output")) {
            String date = text(row, "stck_bsop_date");
            if (!date.isEmpty()) {
                bars.add(new DailyBar(LocalDate.parse(date, YMD), num(row, "stck_oprc"), num(row, "stck_hgpr"),
                        num(row, "stck_lwpr"), num(row, "stck_clpr"), num(row, "acml_vol")));
            }
        }
        bars.sort(Comparator.comparing(DailyBar::date));
        return bars;
    }

    /** Daily net buying by individuals, foreigners and institutions (inquire-investor), oldest first. */
    public List<InvestorFlow> investorFlow(String code) {
        List<InvestorFlow> flows = new ArrayList<>();
        for (JsonNode row : read(KisOperation.INVESTOR_FLOW, stockQuery(code)).body().path("output")) {
            String date = text(row, "stck_bsop_date");
            if (!date.isEmpty()) {
                flows.add(new InvestorFlow(LocalDate.parse(date, YMD), num(row, "stck_clpr"),
                        num(row, "prsn_ntby_qty"), num(row, "frgn_ntby_qty"), num(row, "orgn_ntby_qty")));
            }
        }
        flows.sort(Comparator.comparing(InvestorFlow::date));
        return flows;
    }

    /** The market-cap ranking (ranking/market-cap, all markets), best first; market cap in won (KIS gives 억원). */
    public List<RankedStock> marketCapRanking() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("FID_COND_MRKT_DIV_CODE", "J");
        q.put("FID_COND_SCR_DIV_CODE", "20174");
        q.put("FID_DIV_CLS_CODE", "0");
        q.put("FID_INPUT_ISCD", "0000");
        q.put("FID_TRGT_CLS_CODE", "0");
        q.put("FID_TRGT_EXLS_CLS_CODE", "0");
        q.put("FID_INPUT_PRICE_1", "");
        q.put("FID_INPUT_PRICE_2", "");
        q.put("FID_VOL_CNT", "");
        return ranking(KisOperation.MARKET_CAP_RANK, q);
    }

    /** The volume ranking (volume-rank, all stocks), most traded first. */
    public List<RankedStock> volumeRanking() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("FID_COND_MRKT_DIV_CODE", "J");
        q.put("FID_COND_SCR_DIV_CODE", "20171");
        q.put("FID_INPUT_ISCD", "0000");
        q.put("FID_DIV_CLS_CODE", "0");
        q.put("FID_BLNG_CLS_CODE", "0");
        q.put("FID_TRGT_CLS_CODE", "111111111");
        q.put("FID_TRGT_EXLS_CLS_CODE", "000000");
        q.put("FID_INPUT_PRICE_1", "0");
        q.put("FID_INPUT_PRICE_2", "0");
        q.put("FID_VOL_CNT", "0");
        q.put("FID_INPUT_DATE_1", "0");
        return ranking(KisOperation.VOLUME_RANK, q);
    }

    /** Today's foreign and institution net buying leaders (foreign-institution-total, all stocks, by quantity). */
    public List<InvestorNetBuy> foreignInstitutionTotal() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("FID_COND_MRKT_DIV_CODE", "V");
        q.put("FID_COND_SCR_DIV_CODE", "16449");
        q.put("FID_INPUT_ISCD", "0000");
        q.put("FID_DIV_CLS_CODE", "0");
        q.put("FID_RANK_SORT_CLS_CODE", "0");
        q.put("FID_ETC_CLS_CODE", "0");
        List<InvestorNetBuy> rows = new ArrayList<>();
        for (JsonNode row : read(KisOperation.FOREIGN_INSTITUTION_TOTAL, q).body().path("output")) {
            String code = text(row, "mksc_shrn_iscd");
            if (!code.isEmpty()) {
                rows.add(new InvestorNetBuy(code, text(row, "hts_kor_isnm"), num(row, "frgn_ntby_qty"),
                        num(row, "orgn_ntby_qty")));
            }
        }
        return rows;
    }

    /**
     * Daily bars of a KRX index ({@code 0001} KOSPI, {@code 1001} KOSDAQ) from {@code from} to {@code to}, paged back
     * 100 at a time, oldest first (inquire-daily-indexchartprice).
     */
    public List<IndexBar> indexDailyChart(String indexCode, LocalDate from, LocalDate to) {
        List<IndexBar> bars = new ArrayList<>();
        LocalDate end = to;
        for (int page = 0; page < MAX_PAGES && !end.isBefore(from); page++) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("FID_COND_MRKT_DIV_CODE", "U");
            q.put("FID_INPUT_ISCD", indexCode);
            q.put("FID_INPUT_DATE_1", from.format(YMD));
            q.put("FID_INPUT_DATE_2", end.format(YMD));
            q.put("FID_PERIOD_DIV_CODE", "D");
            List<IndexBar> chunk = new ArrayList<>();
            for (JsonNode row : read(KisOperation.INDEX_DAILY_CHART, q).body().path("output2")) {
                String date = text(row, "stck_bsop_date");
                if (!date.isEmpty()) {
                    chunk.add(new IndexBar(LocalDate.parse(date, YMD), dec(row, "bstp_nmix_oprc"),
                            dec(row, "bstp_nmix_hgpr"), dec(row, "bstp_nmix_lwpr"), dec(row, "bstp_nmix_prpr"),
                            num(row, "acml_vol")));
                }
            }
            bars.addAll(chunk);
            if (chunk.size() < 100) {
                break;
            }
            end = chunk.stream().map(IndexBar::date).min(Comparator.naturalOrder()).orElse(from).minusDays(1);
        }
        return bars.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).distinct()
                .sorted(Comparator.comparing(IndexBar::date)).toList();
    }

    /** Quarterly (or yearly) financial ratios (finance/financial-ratio), newest first as KIS lists them. */
    public List<FinancialRatio> financialRatios(String code, boolean quarterly) {
        List<FinancialRatio> rows = new ArrayList<>();
        for (JsonNode row : read(KisOperation.FINANCIAL_RATIO, financeQuery(code, quarterly)).body().path("output")) {
            String yymm = text(row, "stac_yymm");
            if (!yymm.isEmpty()) {
                rows.add(new FinancialRatio(yymm, dbl(row, "grs"), dbl(row, "bsop_prfi_inrt"), dbl(row, "ntin_inrt"),
                        dbl(row, "roe_val"), dbl(row, "eps"), dbl(row, "sps"), dbl(row, "bps"), dbl(row, "rsrv_rate"),
                        dbl(row, "lblt_rate")));
            }
        }
        return rows;
    }

    /** Quarterly (or yearly) growth ratios (finance/growth-ratio), newest first. */
    public List<GrowthRatio> growthRatios(String code, boolean quarterly) {
        List<GrowthRatio> rows = new ArrayList<>();
        for (JsonNode row : read(KisOperation.GROWTH_RATIO, financeQuery(code, quarterly)).body().path("output")) {
            String yymm = text(row, "stac_yymm");
            if (!yymm.isEmpty()) {
                rows.add(new GrowthRatio(yymm, dbl(row, "grs"), dbl(row, "bsop_prfi_inrt"), dbl(row, "equt_inrt"),
                        dbl(row, "totl_aset_inrt")));
            }
        }
        return rows;
    }

    /** Quarterly (or yearly) income statements (finance/income-statement), newest first; amounts in 억원. */
    public List<IncomeStatement> incomeStatements(String code, boolean quarterly) {
        List<IncomeStatement> rows = new ArrayList<>();
        for (JsonNode row : read(KisOperation.INCOME_STATEMENT, financeQuery(code, quarterly)).body()
                .path("output")) {
            String yymm = text(row, "stac_yymm");
            if (!yymm.isEmpty()) {
                rows.add(new IncomeStatement(yymm, dbl(row, "sale_account"), dbl(row, "bsop_prti"),
                        dbl(row, "thtr_ntin")));
            }
        }
        return rows;
    }

    private List<RankedStock> ranking(KisOperation op, Map<String, String> q) {
        List<RankedStock> rows = new ArrayList<>();
        for (JsonNode row : read(op, q).body().path("output")) {
            String code = text(row, "mksc_shrn_iscd");
            if (code.isEmpty()) {
                continue;
            }
            rows.add(new RankedStock(code, text(row, "hts_kor_isnm"), (int) num(row, "data_rank"),
                    num(row, "stck_prpr"), num(row, "acml_vol"), num(row, "lstn_stcn"),
                    num(row, "stck_avls") * 100_000_000L));
        }
        return rows;
    }

    private static Map<String, String> financeQuery(String code, boolean quarterly) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("FID_DIV_CLS_CODE", quarterly ? "1" : "0");
        q.put("FID_COND_MRKT_DIV_CODE", "J");
        q.put("FID_INPUT_ISCD", code);
        return q;
    }

    /** Holdings (quantity above zero) and the account summary. */
    public AccountBalance balance() {
        Map<String, String> q = accountQuery();
        q.put("AFHR_FLPR_YN", "N");
        q.put("OFL_YN", "");
        q.put("INQR_DVSN", "02");
        q.put("UNPR_DVSN", "01");
        q.put("FUND_STTL_ICLD_YN", "N");
        q.put("FNCG_AMT_AUTO_RDPT_YN", "N");
        q.put("PRCS_DVSN", "01");
        List<Holding> holdings = new ArrayList<>();
        JsonNode summary = null;
        for (KisResponse page : pages(KisOperation.BALANCE, q)) {
            for (JsonNode row : page.body().path("output1")) {
                long qty = num(row, "hldg_qty");
                if (qty > 0) {
                    holdings.add(new Holding(text(row, "pdno"), text(row, "prdt_name"), qty,
                            dec(row, "pchs_avg_pric"), num(row, "prpr")));
                }
            }
            JsonNode out2 = page.body().path("output2");
            JsonNode first = out2.isArray() ? out2.path(0) : out2;
            if (first.isObject()) {
                summary = first;
            }
        }
        if (summary == null) {
            throw new KisException(KisErrorKind.SERVER_ERROR, "inquire-balance answered without output2 (summary)");
        }
        return new AccountBalance(holdings, num(summary, "dnca_tot_amt"), num(summary, "scts_evlu_amt"),
                num(summary, "tot_evlu_amt"), num(summary, "evlu_pfls_smtl_amt"));
    }

    /** Cash available for buying now (KRW): {@code nrcvb_buy_amt}, else {@code ord_psbl_cash}. */
    public long orderableCash() {
        Map<String, String> q = accountQuery();
        q.put("PDNO", "005930");
        q.put("ORD_UNPR", "0");
        q.put("ORD_DVSN", "01");
        q.put("CMA_EVLU_AMT_ICLD_YN", "Y");
        q.put("OVRS_ICLD_YN", "N");
        JsonNode out = read(KisOperation.ORDERABLE_CASH, q).body().path("output");
        String preferred = text(out, "nrcvb_buy_amt");
        if (!preferred.isEmpty()) {
            return num(out, "nrcvb_buy_amt");
        }
        String cash = text(out, "ord_psbl_cash");
        if (cash.isEmpty()) {
            throw new KisException(KisErrorKind.SERVER_ERROR,
                    "inquire-psbl-order answered without nrcvb_buy_amt or ord_psbl_cash");
        }
        return num(out, "ord_psbl_cash");
    }

    /**
     * Places an order, exactly once: never retried after a failure (only after KIS's expired-token refusal, which
     * proves it did not reach the order system). Sells go out even while the breaker is open (one attempt).
     *
     * @throws KisException whose {@link KisErrorKind#outcomeUnknown()} tells whether the order may exist at KIS
     */
    public OrderAck placeOrder(OrderRequest order) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("CANO", server().accountNo());
        body.put("ACNT_PRDT_CD", server().accountSuffix());
        body.put("PDNO", order.code());
        body.put("ORD_DVSN", order.isMarket() ? "01" : "00");
        body.put("ORD_QTY", String.valueOf(order.quantity()));
        body.put("ORD_UNPR", String.valueOf(order.limitPrice()));
        KisOperation op = order.side() == OrderSide.BUY ? KisOperation.BUY : KisOperation.SELL;
        JsonNode out = transport.call(op, Map.of(), body, order.side() == OrderSide.SELL, "").body().path("output");
        String orderNo = text(out, "ODNO");
        if (orderNo.isEmpty()) {
            // rt_cd 0 but no order number: KIS took something; we cannot say what.
            throw new KisException(KisErrorKind.SERVER_ERROR, "order-cash answered rt_cd 0 without ODNO");
        }
        return new OrderAck(orderNo, text(out, "KRX_FWDG_ORD_ORGNO"), text(out, "ORD_TMD"));
    }

    /**
     * Cancels the whole unfilled rest of order {@code orderNo} ({@code branchNo} may be blank). Goes out even while
     * the breaker is open, like a sell: a forgotten resting order is a risk.
     */
    public void cancel(String orderNo, String branchNo) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("CANO", server().accountNo());
        body.put("ACNT_PRDT_CD", server().accountSuffix());
        body.put("KRX_FWDG_ORD_ORGNO", branchNo == null ? "" : branchNo);
        body.put("ORGN_ODNO", orderNo);
        body.put("ORD_DVSN", "00");
        body.put("RVSE_CNCL_DVSN_CD", "02");
        body.put("ORD_QTY", "0");
        body.put("ORD_UNPR", "0");
        body.put("QTY_ALL_ORD_YN", "Y");
        transport.call(KisOperation.CANCEL, Map.of(), body, true, "");
    }

    /** Today's orders (all, filled or not), every page. */
    public List<DailyOrder> todaysOrders() {
        return dailyOrders("");
    }

    /** Today's record of one order, with its fills; empty when KIS does not list it. */
    public List<DailyOrder> orderStatus(String orderNo) {
        return dailyOrders(orderNo);
    }

    /**
     * Today's orders for settling an order whose answer was lost or whose fills are awaited: one attempt per page,
     * sent even while the breaker is open, in the priority lane of the rate budget.
     */
    public List<DailyOrder> todaysOrdersForSettlement() {
        return dailyOrders("", true);
    }

    private List<DailyOrder> dailyOrders(String orderNo) {
        return dailyOrders(orderNo, false);
    }

    private List<DailyOrder> dailyOrders(String orderNo, boolean settlement) {
        String today = clock.today().format(YMD);
        Map<String, String> q = accountQuery();
        q.put("INQR_STRT_DT", today);
        q.put("INQR_END_DT", today);
        q.put("SLL_BUY_DVSN_CD", "00");
        q.put("INQR_DVSN", "00");
        q.put("PDNO", "");
        q.put("CCLD_DVSN", "00");
        q.put("ORD_GNO_BRNO", "");
        q.put("ODNO", orderNo);
        q.put("INQR_DVSN_3", "00");
        q.put("INQR_DVSN_1", "");
        List<DailyOrder> orders = new ArrayList<>();
        for (KisResponse page : pages(KisOperation.DAILY_ORDERS, q, settlement)) {
            for (JsonNode row : page.body().path("output1")) {
                if (text(row, "odno").isEmpty()) {
                    continue;
                }
                orders.add(dailyOrder(row));
            }
        }
        return orders;
    }

    static DailyOrder dailyOrder(JsonNode row) {
        long filled = num(row, "tot_ccld_qty");
        long amount = num(row, "tot_ccld_amt");
        BigDecimal avg = dec(row, "avg_prvs");
        if (avg.signum() == 0 && filled > 0) {
            avg = BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(filled), 2, RoundingMode.HALF_UP);
        }
        String tmd = text(row, "ord_tmd");
        LocalTime time = tmd.length() == 6 ? LocalTime.parse(tmd, HMS) : null;
        return new DailyOrder(text(row, "odno"), text(row, "ord_gno_brno"), text(row, "orgn_odno"),
                text(row, "pdno"), text(row, "prdt_name"), OrderSide.fromKisCode(text(row, "sll_buy_dvsn_cd")),
                num(row, "ord_qty"), num(row, "ord_unpr"), time, filled, avg, amount, num(row, "rmn_qty"),
                "Y".equalsIgnoreCase(text(row, "cncl_yn")), num(row, "rjct_qty"));
    }

    /** Follows KIS's continuation (tr_cont F/M with ctx_area_fk100/nk100) through every page. */
    private List<KisResponse> pages(KisOperation op, Map<String, String> query) {
        return pages(op, query, false);
    }

    private List<KisResponse> pages(KisOperation op, Map<String, String> query, boolean settlement) {
        List<KisResponse> pages = new ArrayList<>();
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("CTX_AREA_FK100", "");
        q.put("CTX_AREA_NK100", "");
        String trCont = "";
        for (int i = 0; i < MAX_PAGES; i++) {
            KisResponse page = settlement ? transport.callForSettlement(op, q, trCont)
                    : transport.call(op, q, null, false, trCont);
            pages.add(page);
            String nk = text(page.body(), "ctx_area_nk100");
            if (!page.hasMorePages() || nk.isEmpty()) {
                break;
            }
            q.put("CTX_AREA_FK100", text(page.body(), "ctx_area_fk100"));
            q.put("CTX_AREA_NK100", nk);
            trCont = "N";
        }
        return pages;
    }

    private KisResponse read(KisOperation op, Map<String, String> query) {
        return transport.call(op, query, null, false, "");
    }

    private KisProperties.Server server() {
        return transport.server();
    }

    private Map<String, String> accountQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("CANO", server().accountNo());
        q.put("ACNT_PRDT_CD", server().accountSuffix());
        return q;
    }

    private static Map<String, String> stockQuery(String code) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("FID_COND_MRKT_DIV_CODE", "J");
        q.put("FID_INPUT_ISCD", code);
        return q;
    }

    static String text(JsonNode node, String field) {
        return KisResponse.text(node, field);
    }

    static long num(JsonNode node, String field) {
        String s = text(node, field);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return new BigDecimal(s).longValue();
        } catch (NumberFormatException e) {
            throw new KisException(KisErrorKind.SERVER_ERROR, "KIS field " + field + " is not a number: '" + s + "'");
        }
    }

    static double dbl(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static BigDecimal dec(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new KisException(KisErrorKind.SERVER_ERROR, "KIS field " + field + " is not a number: '" + s + "'");
        }
    }
}
