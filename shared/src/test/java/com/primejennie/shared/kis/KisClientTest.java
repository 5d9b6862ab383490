package com.primejennie.shared.kis;

import static com.primejennie.shared.kis.FakeKis.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import okhttp3.mockwebserver.RecordedRequest;

/** KisClient over HTTP against a MockWebServer speaking KIS's bodies, with the real Redis for token and budget. */
class KisClientTest {

    private KisTestKit kit;
    private FakeKis kis;
    private KisComponents paper;

    @BeforeEach
    void setUp() throws Exception {
        kit = new KisTestKit();
        kit.clearKisKeys();
        kis = new FakeKis();
        paper = kit.components(KisTestKit.properties(kis.url(), 1000), KisMode.PAPER);
    }

    @AfterEach
    void tearDown() throws Exception {
        kis.close();
        kit.close();
    }

    @Test
    void currentPriceReadsKisFieldsAndSendsKisHeaders() throws Exception {
        kis.then(PRICE, price(71500));

        Quote quote = paper.client().currentPrice("005930");

        assertThat(quote).isEqualTo(new Quote("005930", "삼성전자", 71500, 71000, 72300, 70800, 14621584, 13.52,
                1.31, 5300, 54800, 5969782550L));
        RecordedRequest request = kis.requests(PRICE).get(0);
        assertThat(request.getHeader("tr_id")).isEqualTo("FHKST01010100");
        assertThat(request.getHeader("authorization")).isEqualTo("Bearer token-1");
        assertThat(request.getHeader("appkey")).isEqualTo(KisTestKit.APP_KEY);
        assertThat(request.getHeader("appsecret")).isEqualTo(KisTestKit.APP_SECRET);
        assertThat(request.getHeader("custtype")).isEqualTo("P");
        assertThat(request.getRequestUrl().queryParameter("FID_COND_MRKT_DIV_CODE")).isEqualTo("J");
        assertThat(request.getRequestUrl().queryParameter("FID_INPUT_ISCD")).isEqualTo("005930");
    }

    @Test
    void ordersUsePaperTrIdsOnPaperAndRealTrIdsOnRealAndTheBodyKisExpects() throws Exception {
        KisComponents real = kit.components(KisTestKit.properties(kis.url(), 1000), KisMode.REAL);
        kis.then(ORDER, orderAccepted("0000011111"), orderAccepted("0000022222"), orderAccepted("0000033333"));

        OrderAck paperBuy = paper.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 10));
        real.client().placeOrder(OrderRequest.limit("005930", OrderSide.BUY, 3, 71000));
        real.client().placeOrder(OrderRequest.market("005930", OrderSide.SELL, 3));

        assertThat(paperBuy).isEqualTo(new OrderAck("0000011111", "91252", "100000"));
        var orders = kis.requests(ORDER);
        assertThat(orders).extracting(r -> r.getHeader("tr_id")).containsExactly("VTTC0012U", "TTTC0012U",
                "TTTC0011U");
        Map<String, Object> market = kit.json().readValue(orders.get(0).getBody().readUtf8(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(market).containsEntry("CANO", KisTestKit.ACCOUNT).containsEntry("ACNT_PRDT_CD", "01")
                .containsEntry("PDNO", "005930").containsEntry("ORD_DVSN", "01").containsEntry("ORD_QTY", "10")
                .containsEntry("ORD_UNPR", "0");
        Map<String, Object> limit = kit.json().readValue(orders.get(1).getBody().readUtf8(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(limit).containsEntry("ORD_DVSN", "00").containsEntry("ORD_UNPR", "71000");
    }

    @Test
    void trIdComesFromConfigurationWhenOverridden() throws Exception {
        KisProperties props = KisTestKit.properties(kis.url(), 1000);
        props = props.withServer(KisMode.PAPER, new KisProperties.Server(kis.url(), KisTestKit.APP_KEY,
                KisTestKit.APP_SECRET, KisTestKit.ACCOUNT, "01", 1000, Map.of(KisOperation.BUY, "VTTC0802U")));
        kis.then(ORDER, orderAccepted("1"));

        kit.components(props, KisMode.PAPER).client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1));

        assertThat(kis.requests(ORDER).get(0).getHeader("tr_id")).isEqualTo("VTTC0802U");
    }

    @Test
    void minuteBarCloseComesFromStckPrprAndVolumeFromCntgVol_quirkFixed() {
        kis.then(MINUTE, ok("""
                {"output1":{"prdy_vrss":"500","prdy_vrss_sign":"2","prdy_ctrt":"0.70","stck_prdy_clpr":"71000",
                 "acml_vol":"3000000","acml_tr_pbmn":"1","hts_kor_isnm":"삼성전자","stck_prpr":"71500"},
                 "output2":[
                  {"stck_bsop_date":"20260302","stck_cntg_hour":"100100","stck_prpr":"71500","stck_oprc":"71400",
                   "stck_hgpr":"71600","stck_lwpr":"71300","cntg_vol":"1200","acml_tr_pbmn":"9"},
                  {"stck_bsop_date":"20260302","stck_cntg_hour":"100000","stck_prpr":"71400","stck_oprc":"71200",
                   "stck_hgpr":"71450","stck_lwpr":"71100","cntg_vol":"800","acml_tr_pbmn":"8"}],
                 "rt_cd":"0","msg_cd":"MCA00000","msg1":"정상처리 되었습니다."}"""));

        var bars = paper.client().minuteChart("005930", LocalTime.of(10, 1));

        assertThat(bars).containsExactly(
                new MinuteBar(LocalDate.of(2026, 3, 2), LocalTime.of(10, 0), 71200, 71450, 71100, 71400, 800),
                new MinuteBar(LocalDate.of(2026, 3, 2), LocalTime.of(10, 1), 71400, 71600, 71300, 71500, 1200));
        assertThat(kis.requests(MINUTE).get(0).getRequestUrl().queryParameter("FID_INPUT_HOUR_1"))
                .isEqualTo("100100");
    }

    @Test
    void balanceFailureThrowsInsteadOfReportingNoHoldings_quirkFixed() {
        kis.then(BALANCE, rejected("OPSQ0002", "없는 서비스 코드 입니다"));

        assertThatThrownBy(() -> paper.client().balance()).isInstanceOf(KisException.class)
                .extracting(e -> ((KisException) e).kind()).isEqualTo(KisErrorKind.REJECTED);
    }

    @Test
    void balanceListsOnlyHeldStocksWithTheSummary() {
        kis.then(BALANCE, ok("""
                {"ctx_area_fk100":"","ctx_area_nk100":"","output1":[
                 {"pdno":"005930","prdt_name":"삼성전자","hldg_qty":"10","ord_psbl_qty":"10","pchs_avg_pric":"70500.0000",
                  "pchs_amt":"705000","prpr":"71500","evlu_amt":"715000","evlu_pfls_amt":"10000"},
                 {"pdno":"000660","prdt_name":"SK하이닉스","hldg_qty":"0","pchs_avg_pric":"0.0000","prpr":"130000"}],
                 "output2":[{"dnca_tot_amt":"9295000","scts_evlu_amt":"715000","tot_evlu_amt":"10010000",
                  "evlu_pfls_smtl_amt":"10000"}],"rt_cd":"0","msg_cd":"KIOK0510","msg1":"조회가 완료되었습니다"}"""));

        AccountBalance balance = paper.client().balance();

        assertThat(balance.holdings()).containsExactly(
                new Holding("005930", "삼성전자", 10, new java.math.BigDecimal("70500.0000"), 71500));
        assertThat(balance.cashDeposit()).isEqualTo(9_295_000);
        assertThat(balance.totalValue()).isEqualTo(10_010_000);
        assertThat(kis.requests(BALANCE).get(0).getHeader("tr_id")).isEqualTo("VTTC8434R");
    }

    @Test
    void orderableCashPrefersNrcvbBuyAmt() {
        kis.then(PSBL, ok("""
                {"output":{"ord_psbl_cash":"9000000","nrcvb_buy_amt":"8500000","max_buy_amt":"8400000"},
                 "rt_cd":"0","msg_cd":"KIOK0000","msg1":"ok"}"""));

        assertThat(paper.client().orderableCash()).isEqualTo(8_500_000);
    }

    @Test
    void rateErrorIsRetriedForAReadButNeverForAnOrder() {
        kis.then(PRICE, rateError(), rateError(), price(71500));
        kis.then(ORDER, rateError(), orderAccepted("should-not-be-sent"));

        assertThat(paper.client().currentPrice("005930").price()).isEqualTo(71500);
        assertThatThrownBy(() -> paper.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1)))
                .isInstanceOfSatisfying(KisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KisErrorKind.RATE_LIMITED);
                    assertThat(e.msgCd()).isEqualTo("EGW00201");
                    assertThat(e.kind().outcomeUnknown()).isFalse();
                });

        assertThat(kis.requests(PRICE)).hasSize(3);
        assertThat(kis.requests(ORDER)).hasSize(1);
        assertThat(paper.breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void orderIsNotResentAfterAServerError_quirkDuplicateOrderFixed() {
        kis.then(ORDER, serverError(), orderAccepted("duplicate"));

        assertThatThrownBy(() -> paper.client().placeOrder(OrderRequest.market("005930", OrderSide.SELL, 1)))
                .isInstanceOfSatisfying(KisException.class,
                        e -> assertThat(e.kind().outcomeUnknown()).isTrue());
        assertThat(kis.requests(ORDER)).hasSize(1);
    }

    @Test
    void lostOrderAnswerIsReportedAsOutcomeUnknownNotAsRejection() {
        kis.then(ORDER, noResponse());

        assertThatThrownBy(() -> paper.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1)))
                .isInstanceOfSatisfying(KisException.class,
                        e -> assertThat(e.kind()).isEqualTo(KisErrorKind.TRANSPORT));
        assertThat(kis.requests(ORDER)).hasSize(1);
    }

    @Test
    void expiredTokenAnswerRefreshesTheTokenOnceAndRetries() {
        kis.then(PRICE, tokenExpired(), price(71500));
        // a token issued by some process hours ago, still within its stated life
        kit.redis().opsForValue().set(paper.tokens().tokenKey(),
                "{\"access_token\":\"token-0\",\"expires_at\":" + kit.clock().instant().plusSeconds(3600)
                        .getEpochSecond() + "}");

        assertThat(paper.client().currentPrice("005930").price()).isEqualTo(71500);

        var prices = kis.requests(PRICE);
        assertThat(prices).extracting(r -> r.getHeader("authorization"))
                .containsExactly("Bearer token-0", "Bearer token-1");
        assertThat(kis.tokensIssued()).isEqualTo(1);
    }

    @Test
    void secondExpiredTokenAnswerIsNotLoopedOn() {
        KisProperties props = KisTestKit.properties(kis.url(), 1000);
        props = props.withToken(new KisProperties.Token(null, Duration.ofMillis(1), null));
        KisComponents fastReissue = kit.components(props, KisMode.PAPER);
        kis.then(ORDER, tokenExpired(), tokenExpired(), orderAccepted("never"));

        assertThatThrownBy(() -> fastReissue.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1)))
                .isInstanceOfSatisfying(KisException.class,
                        e -> assertThat(e.kind()).isEqualTo(KisErrorKind.TOKEN_EXPIRED));
        assertThat(kis.requests(ORDER)).hasSize(2);
    }

    @Test
    void breakerOpensOnServerFailuresButNotOnBusinessRejectionsAndClosesAfterTheWait() {
        CircuitBreaker breaker = paper.breaker();
        kis.then(ORDER, rejected("APBK0919", "주문가능금액을 초과 했습니다"), rejected("APBK0919", "x"),
                rejected("APBK0919", "x"), rejected("APBK0919", "x"), rejected("APBK0919", "x"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> paper.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1)))
                    .isInstanceOf(KisException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        // window of 4 with 50 %: two server failures after two successes open it (the read's own retries count)
        kis.then(PRICE, serverError(), serverError());
        assertThatThrownBy(() -> paper.client().currentPrice("005930")).isInstanceOf(KisException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(kis.requests(PRICE)).hasSize(2);

        int before = kis.requests(PRICE).size();
        assertThatThrownBy(() -> paper.client().currentPrice("005930")).isInstanceOfSatisfying(KisException.class,
                e -> assertThat(e.kind()).isEqualTo(KisErrorKind.CIRCUIT_OPEN));
        assertThatThrownBy(() -> paper.client().placeOrder(OrderRequest.market("005930", OrderSide.BUY, 1)))
                .isInstanceOfSatisfying(KisException.class,
                        e -> assertThat(e.kind()).isEqualTo(KisErrorKind.CIRCUIT_OPEN));
        assertThat(kis.requests(PRICE)).hasSize(before);

        kit.clock().advance(Duration.ofSeconds(31));
        kis.then(PRICE, price(72000));
        assertThat(paper.client().currentPrice("005930").price()).isEqualTo(72000);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(kit.notifier().messages()).anyMatch(m -> m.contains("CLOSED -> OPEN"))
                .anyMatch(m -> m.contains("HALF_OPEN -> CLOSED"));
    }

    @Test
    void sellGoesOutWhileTheBreakerIsOpen() {
        paper.breaker().transitionToOpenState();
        kis.then(ORDER, orderAccepted("0000077777"));

        OrderAck ack = paper.client().placeOrder(OrderRequest.market("005930", OrderSide.SELL, 5));

        assertThat(ack.orderNo()).isEqualTo("0000077777");
        assertThat(paper.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void todaysOrdersFollowKisPagination() {
        kis.then(CCLD,
                ok("""
                        {"ctx_area_fk100":"FK1","ctx_area_nk100":"NK1","output1":[%s],"output2":{},
                         "rt_cd":"0","msg_cd":"KIOK0000","msg1":"ok"}""".formatted(
                        orderRow("0000000001", "005930", "02", 10, "093000", 10, "71000"))).setHeader("tr_cont", "M"),
                orders(orderRow("0000000002", "000660", "01", 5, "094500", 2, "130500")).setHeader("tr_cont", "D"));

        var orders = paper.client().todaysOrders();

        assertThat(orders).extracting(DailyOrder::orderNo).containsExactly("0000000001", "0000000002");
        DailyOrder sell = orders.get(1);
        assertThat(sell.side()).isEqualTo(OrderSide.SELL);
        assertThat(sell.filledQuantity()).isEqualTo(2);
        assertThat(sell.remainingQuantity()).isEqualTo(3);
        assertThat(sell.orderTime()).isEqualTo(LocalTime.of(9, 45));
        var second = kis.requests(CCLD).get(1);
        assertThat(second.getHeader("tr_cont")).isEqualTo("N");
        assertThat(second.getRequestUrl().queryParameter("CTX_AREA_NK100")).isEqualTo("NK1");
        assertThat(second.getRequestUrl().queryParameter("INQR_STRT_DT")).isEqualTo("20260302");
        assertThat(second.getHeader("tr_id")).isEqualTo("VTTC0081R");
    }

    @Test
    void averageFillPriceFallsBackToAmountOverQuantityWhenKisGivesZero() {
        kis.then(CCLD, orders(orderRow("0000000003", "005930", "02", 10, "093000", 4, "0").replace(
                "\"tot_ccld_amt\":\"0\"", "\"tot_ccld_amt\":\"286000\"")));

        DailyOrder order = paper.client().orderStatus("0000000003").get(0);

        assertThat(order.averagePrice()).isEqualByComparingTo("71500");
    }

    @Test
    void cancelSendsKisCancelBodyAndReportsRejection() throws Exception {
        kis.then(CANCEL, ok("""
                {"rt_cd":"0","msg_cd":"APBK0013","msg1":"주문 전송 완료",
                 "output":{"krx_fwdg_ord_orgno":"91252","odno":"0000000099","ord_tmd":"100500"}}"""),
                rejected("APBK0913", "취소할 수량이 없습니다"));

        paper.client().cancel("0000000042", "91252");
        assertThatThrownBy(() -> paper.client().cancel("0000000042", "91252"))
                .isInstanceOfSatisfying(KisException.class, e -> assertThat(e.msgCd()).isEqualTo("APBK0913"));

        RecordedRequest cancel = kis.requests(CANCEL).get(0);
        assertThat(cancel.getHeader("tr_id")).isEqualTo("VTTC0013U");
        Map<String, Object> body = kit.json().readValue(cancel.getBody().readUtf8(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("ORGN_ODNO", "0000000042").containsEntry("RVSE_CNCL_DVSN_CD", "02")
                .containsEntry("QTY_ALL_ORD_YN", "Y").containsEntry("KRX_FWDG_ORD_ORGNO", "91252");
    }
}
