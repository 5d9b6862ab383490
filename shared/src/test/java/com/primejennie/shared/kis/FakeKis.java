package com.primejennie.shared.kis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * An HTTP-level fake of KIS on MockWebServer for unit tests: answers per path from a script (then a default), issues
 * tokens, and records every request. Bodies use KIS's own field names (fixtures/kis/api.json).
 */
public final class FakeKis implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Map<String, MockResponse> defaults = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    public FakeKis() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getRequestUrl().encodedPath();
                if (path.equals("/oauth2/tokenP")) {
                    Deque<MockResponse> queue = scripted.get(path);
                    synchronized (FakeKis.this) {
                        if (queue != null && !queue.isEmpty()) {
                            return queue.poll();
                        }
                    }
                    int n = tokensIssued.incrementAndGet();
                    return json(200, """
                            {"access_token":"token-%d","access_token_token_expired":"2026-03-03 10:00:00",
                             "token_type":"Bearer","expires_in":86400}""".formatted(n));
                }
                Deque<MockResponse> queue = scripted.get(path);
                synchronized (FakeKis.this) {
                    if (queue != null && !queue.isEmpty()) {
                        return queue.poll();
                    }
                }
                MockResponse fallback = defaults.get(path);
                return fallback != null ? fallback : json(404, "<html>not found</html>");
            }
        });
        server.start();
    }

    public String url() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The next answers on {@code path}, in order. */
    public synchronized FakeKis then(String path, MockResponse... responses) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    /** The answer on {@code path} once the script is used up. */
    public FakeKis always(String path, MockResponse response) {
        defaults.put(path, response);
        return this;
    }

    public List<RecordedRequest> requests() {
        return requests;
    }

    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.getRequestUrl().encodedPath().equals(path)).toList();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=UTF-8")
                .setBody(body);
    }

    public static MockResponse ok(String body) {
        return json(200, body);
    }

    /** KIS's rate error, which it sends as HTTP 500. */
    public static MockResponse rateError() {
        return json(500, """
                {"rt_cd":"1","msg_cd":"EGW00201","msg1":"초당 거래건수를 초과하였습니다."}""");
    }

    /** KIS's expired-token answer (HTTP 500). */
    public static MockResponse tokenExpired() {
        return json(500, """
                {"rt_cd":"1","msg_cd":"EGW00123","msg1":"기간이 만료된 token 입니다."}""");
    }

    /** A real server failure: HTTP 500 without KIS's fields. */
    public static MockResponse serverError() {
        return new MockResponse().setResponseCode(500).setBody("Internal Server Error");
    }

    /** The request arrives; no answer ever comes back (a lost response). */
    public static MockResponse noResponse() {
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }

    public static MockResponse rejected(String msgCd, String msg1) {
        return json(200, """
                {"rt_cd":"1","msg_cd":"%s","msg1":"%s"}""".formatted(msgCd, msg1));
    }

    public static MockResponse orderAccepted(String odno) {
        return ok("""
                {"rt_cd":"0","msg_cd":"APBK0013","msg1":"주문 전송 완료 되었습니다.",
                 "output":{"KRX_FWDG_ORD_ORGNO":"91252","ODNO":"%s","ORD_TMD":"100000"}}""".formatted(odno));
    }

    /** One inquire-daily-ccld row. */
    public static String orderRow(String odno, String code, String side, long qty, String tmd, long filled,
                                  String avg) {
        return """
                {"ord_dt":"20260302","ord_gno_brno":"91252","odno":"%s","orgn_odno":"","ord_dvsn_name":"시장가",
                 "sll_buy_dvsn_cd":"%s","sll_buy_dvsn_cd_name":"%s","pdno":"%s","prdt_name":"삼성전자",
                 "ord_qty":"%d","ord_unpr":"0","ord_tmd":"%s","tot_ccld_qty":"%d","avg_prvs":"%s","cncl_yn":"N",
                 "tot_ccld_amt":"%d","loan_dt":"","ord_dvsn_cd":"01","cnc_cfrm_qty":"0","rmn_qty":"%d",
                 "rjct_qty":"0","ccld_cndt_name":"없음","excg_id_dvsn_cd":"KRX"}""".formatted(odno, side,
                side.equals("02") ? "매수" : "매도", code, qty, tmd, filled, avg,
                (long) (filled * Double.parseDouble(avg)), qty - filled);
    }

    public static MockResponse orders(String... rows) {
        return ok("""
                {"ctx_area_fk100":"","ctx_area_nk100":"","output1":[%s],
                 "output2":{"tot_ord_qty":"0","tot_ccld_qty":"0","tot_ccld_amt":"0","prsm_tlex_smtl":"0","pchs_avg_pric":"0"},
                 "rt_cd":"0","msg_cd":"KIOK0000","msg1":"조회가 완료되었습니다"}""".formatted(String.join(",", rows)));
    }

    public static final String PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price";
    public static final String ORDER = "/uapi/domestic-stock/v1/trading/order-cash";
    public static final String CANCEL = "/uapi/domestic-stock/v1/trading/order-rvsecncl";
    public static final String CCLD = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld";
    public static final String BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance";
    public static final String PSBL = "/uapi/domestic-stock/v1/trading/inquire-psbl-order";
    public static final String MINUTE = "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice";
    public static final String DAILY_CHART = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice";
    public static final String DAILY_PRICE = "/uapi/domestic-stock/v1/quotations/inquire-daily-price";
    public static final String INVESTOR = "/uapi/domestic-stock/v1/quotations/inquire-investor";

    public static MockResponse price(long price) {
        return ok("""
                {"output":{"iscd_stat_cls_code":"55","marg_rate":"20.00","rprs_mrkt_kor_name":"KOSPI200",
                 "bstp_kor_isnm":"전기.전자","stck_prpr":"%d","prdy_vrss":"500","prdy_vrss_sign":"2","prdy_ctrt":"0.70",
                 "acml_tr_pbmn":"1045862373500","acml_vol":"14621584","stck_oprc":"71000","stck_hgpr":"72300",
                 "stck_lwpr":"70800","per":"13.52","pbr":"1.31","eps":"5300.00","bps":"54800.00",
                 "lstn_stcn":"5969782550","hts_kor_isnm":"삼성전자","stck_shrn_iscd":"005930"},
                 "rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다."}""".formatted(price));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
