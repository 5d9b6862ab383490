package com.primejennie.shared.broker;

import static com.primejennie.shared.kis.FakeKis.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.primejennie.shared.kis.FakeKis;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.kis.KisMode;
import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.kis.OrderRequest;
import com.primejennie.shared.kis.OrderSide;

/**
 * The Broker's money-safety rules over HTTP (MockWebServer speaking KIS) with the real Redis for intents and halts.
 * The test clock stands at 10:00:00 KST; orders listed at 10:00:0x belong to the submit's window.
 */
class KisBrokerTest {

    private static final OrderRequest BUY_10 = OrderRequest.market("005930", OrderSide.BUY, 10);

    private KisTestKit kit;
    private FakeKis kis;
    private KisComponents components;
    private Broker broker;

    @BeforeEach
    void setUp() throws Exception {
        kit = new KisTestKit();
        kit.clearKisKeys();
        kis = new FakeKis();
        var props = KisTestKit.properties(kis.url(), 1000);
        // the default breaker (20 calls), so these tests' failures do not open it
        props = props.withBreaker(new com.primejennie.shared.kis.KisProperties.Breaker(0, 0, 0, null, 0));
        components = kit.components(props, KisMode.PAPER);
        broker = newBroker();
    }

    private Broker newBroker() {
        return new KisBroker(components.client(), new OrderIntentStore(kit.redis(), kit.json(), Duration.ofDays(1)),
                new StockHalts(kit.redis(), kit.json()), kit.notifier(), kit.clock(),
                new BrokerProperties(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(30), null));
    }

    @AfterEach
    void tearDown() throws Exception {
        kis.close();
        kit.close();
    }

    @Test
    void acceptedSubmitIsRememberedSoTheSameIntentNeverOrdersTwice() {
        kis.then(ORDER, orderAccepted("0000012345"), orderAccepted("0000099999"));

        SubmitResult first = broker.submit("buy:005930:msg-1", BUY_10);
        SubmitResult again = newBroker().submit("buy:005930:msg-1", BUY_10);

        assertThat(first).isEqualTo(SubmitResult.accepted("0000012345", "accepted by KIS"));
        assertThat(again.status()).isEqualTo(SubmitResult.Status.ACCEPTED);
        assertThat(again.orderNo()).isEqualTo("0000012345");
        assertThat(kis.requests(ORDER)).hasSize(1);
    }

    @Test
    void businessRejectionReturnsKisReasonAndSendsNothingMore() {
        kis.then(ORDER, rejected("APBK0919", "주문가능금액을 초과 했습니다"));

        SubmitResult result = broker.submit("buy:1", BUY_10);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.REJECTED);
        assertThat(result.reason()).isEqualTo("APBK0919 주문가능금액을 초과 했습니다");
        assertThat(result.retryable()).isFalse();
        assertThat(broker.submit("buy:1", BUY_10).status()).isEqualTo(SubmitResult.Status.REJECTED);
        assertThat(kis.requests(ORDER)).hasSize(1);
    }

    @Test
    void rateErrorOnAnOrderIsRejectedAsRetryableAndNeverRetriedByTheBroker() {
        kis.then(ORDER, rateError(), orderAccepted("should-not-be-sent"));

        SubmitResult result = broker.submit("buy:2", BUY_10);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.REJECTED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).contains("EGW00201");
        assertThat(kis.requests(ORDER)).hasSize(1);
        assertThat(kis.requests(CCLD)).isEmpty();
    }

    @Test
    void settlesLostSubmitFromOrdersInquiryWithoutSecondOrder() {
        kis.then(ORDER, noResponse(), orderAccepted("must-not-be-sent"));
        kis.then(CCLD, orders(
                orderRow("0000000007", "005930", "02", 10, "093000", 10, "70000"), // earlier, outside the window
                orderRow("0000000008", "005930", "01", 10, "100001", 0, "0"),      // other side
                orderRow("0000000009", "005930", "02", 3, "100001", 0, "0"),       // other quantity
                orderRow("0000000010", "005930", "02", 10, "100001", 10, "71500"))); // ours

        SubmitResult result = broker.submit("buy:lost", BUY_10);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.ACCEPTED);
        assertThat(result.orderNo()).isEqualTo("0000000010");
        assertThat(kis.requests(ORDER)).hasSize(1);
        assertThat(broker.halt("005930")).isEmpty();
        assertThat(kit.notifier().messages()).isEmpty();
    }

    @Test
    void cancelOrdersListedTodayAreNotTakenForTheLostSubmit() {
        kis.then(ORDER, noResponse());
        kis.then(CCLD, orders(
                orderRow("0000000011", "005930", "02", 10, "100001", 0, "0").replace("\"orgn_odno\":\"\"",
                        "\"orgn_odno\":\"0000000005\""),
                orderRow("0000000012", "005930", "02", 10, "100002", 10, "71500")));

        SubmitResult result = broker.submit("buy:with-cancel-row", BUY_10);

        assertThat(result.orderNo()).isEqualTo("0000000012");
        assertThat(kis.requests(ORDER)).hasSize(1);
    }

    @Test
    void lostSubmitThatKisProvablyNeverReceivedIsSentExactlyOnceMore() {
        kis.then(ORDER, noResponse(), orderAccepted("0000000021"));
        kis.then(CCLD, orders(orderRow("0000000007", "005930", "02", 10, "093000", 10, "70000")));

        SubmitResult result = broker.submit("buy:resend", BUY_10);

        assertThat(result).isEqualTo(SubmitResult.accepted("0000000021", "accepted by KIS"));
        assertThat(kis.requests(ORDER)).hasSize(2);
    }

    @Test
    void secondLostAnswerAfterTheOneResendHaltsInsteadOfSendingAThirdTime() {
        kis.then(ORDER, noResponse(), noResponse(), orderAccepted("never"));
        kis.always(CCLD, orders());

        SubmitResult result = broker.submit("buy:twice-lost", BUY_10);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.UNKNOWN);
        assertThat(kis.requests(ORDER)).hasSize(2);
        assertThat(broker.halt("005930")).isPresent();
    }

    @Test
    void ambiguousMatchesHaltTheStockForEveryProcessAndAlert() {
        kis.then(ORDER, noResponse());
        kis.then(CCLD, orders(orderRow("0000000031", "005930", "02", 10, "100000", 0, "0"),
                orderRow("0000000032", "005930", "02", 10, "100002", 0, "0")));

        SubmitResult result = broker.submit("buy:ambiguous", BUY_10);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.UNKNOWN);
        assertThat(result.reason()).contains("0000000031").contains("0000000032");
        assertThat(kit.notifier().messages()).singleElement().asString().contains("005930").contains("buy:ambiguous");

        Broker otherProcess = newBroker();
        assertThat(otherProcess.halt("005930")).get().extracting(StockHalt::intentKey).isEqualTo("buy:ambiguous");
        SubmitResult next = otherProcess.submit("sell:005930:later", OrderRequest.market("005930", OrderSide.SELL, 5));
        assertThat(next.status()).isEqualTo(SubmitResult.Status.REJECTED);
        assertThat(next.reason()).contains("halted");
        assertThat(kis.requests(ORDER)).hasSize(1);

        kis.then(ORDER, orderAccepted("0000000033"));
        SubmitResult otherStock = otherProcess.submit("buy:000660",
                OrderRequest.market("000660", OrderSide.BUY, 1));
        assertThat(otherStock.status()).isEqualTo(SubmitResult.Status.ACCEPTED);

        otherProcess.clearHalt("005930");
        assertThat(broker.halt("005930")).isEmpty();
    }

    @Test
    void failedOrdersInquiryKeepsTheSubmitUnknownAndHaltsTheStock() {
        kis.then(ORDER, serverError());
        kis.always(CCLD, serverError());

        SubmitResult result = broker.submit("buy:blind", BUY_10);

        assertThat(result.status()).isEqualTo(SubmitResult.Status.UNKNOWN);
        assertThat(result.reason()).contains("could not be read");
        assertThat(broker.halt("005930")).isPresent();
        assertThat(kis.requests(ORDER)).hasSize(1);
        assertThat(kit.notifier().messages()).filteredOn(m -> m.contains("buy:blind")).hasSize(1);
    }

    @Test
    void orderAlreadyClaimedByAnotherIntentIsNotTakenForThisOne() {
        kis.then(ORDER, orderAccepted("0000000041"), noResponse());
        kis.then(CCLD, orders(orderRow("0000000041", "005930", "02", 10, "100000", 10, "71500"),
                orderRow("0000000042", "005930", "02", 10, "100001", 0, "0")));

        assertThat(broker.submit("buy:a", BUY_10).orderNo()).isEqualTo("0000000041");
        SubmitResult second = broker.submit("buy:b", BUY_10);

        assertThat(second.orderNo()).isEqualTo("0000000042");
        assertThat(kis.requests(ORDER)).hasSize(2);
    }

    @Test
    void unknownIntentSubmittedAgainIsSettledNotResentBlindly() {
        kis.then(ORDER, noResponse());
        kis.then(CCLD, serverError(), serverError(), serverError(),
                orders(orderRow("0000000051", "005930", "02", 10, "100001", 10, "71500")));

        assertThat(broker.submit("buy:retry-later", BUY_10).status()).isEqualTo(SubmitResult.Status.UNKNOWN);
        SubmitResult later = broker.submit("buy:retry-later", BUY_10);

        assertThat(later.orderNo()).isEqualTo("0000000051");
        assertThat(kis.requests(ORDER)).hasSize(1);
    }

    @Test
    void nothingIsSentWhenTheIntentCannotBeWrittenToRedis() {
        var dead = new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory(
                new org.springframework.data.redis.connection.RedisStandaloneConfiguration("127.0.0.1", 1));
        dead.afterPropertiesSet();
        try {
            var template = new org.springframework.data.redis.core.StringRedisTemplate(dead);
            template.afterPropertiesSet();
            Broker blind = new KisBroker(components.client(), new OrderIntentStore(template, kit.json(),
                    Duration.ofDays(1)), new StockHalts(template, kit.json()), kit.notifier(), kit.clock(),
                    BrokerProperties.defaults());

            SubmitResult result = blind.submit("buy:no-redis", BUY_10);

            assertThat(result.status()).isEqualTo(SubmitResult.Status.REJECTED);
            assertThat(result.retryable()).isTrue();
            assertThat(kis.requests(ORDER)).isEmpty();
        } finally {
            dead.destroy();
        }
    }

    @Test
    void intentKeyNamingAnotherOrderIsRefused() {
        kis.then(ORDER, orderAccepted("0000000061"));
        broker.submit("buy:x", BUY_10);

        assertThatThrownBy(() -> broker.submit("buy:x", OrderRequest.market("005930", OrderSide.BUY, 11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buy:x");
    }

    @Test
    void fillsCashHoldingsAndCancelReadKis() {
        kis.always(CCLD, orders(orderRow("0000000071", "005930", "02", 10, "100001", 4, "71500")));
        kis.then(PSBL, ok("""
                {"output":{"ord_psbl_cash":"9000000","nrcvb_buy_amt":"8500000"},"rt_cd":"0","msg_cd":"KIOK0000","msg1":"ok"}"""));
        kis.then(BALANCE, ok("""
                {"output1":[{"pdno":"005930","prdt_name":"삼성전자","hldg_qty":"4","pchs_avg_pric":"71500.0000","prpr":"71600"}],
                 "output2":[{"dnca_tot_amt":"9714000","scts_evlu_amt":"286400","tot_evlu_amt":"10000400","evlu_pfls_smtl_amt":"400"}],
                 "rt_cd":"0","msg_cd":"KIOK0510","msg1":"ok"}"""));
        kis.then(CANCEL, ok("""
                {"rt_cd":"0","msg_cd":"APBK0013","msg1":"ok","output":{"krx_fwdg_ord_orgno":"91252","odno":"0000000072","ord_tmd":"100010"}}"""));

        FillStatus fill = broker.fills("0000000071").orElseThrow();
        assertThat(fill.filledQuantity()).isEqualTo(4);
        assertThat(fill.averagePrice()).isEqualByComparingTo("71500");
        assertThat(fill.remainingQuantity()).isEqualTo(6);
        assertThat(broker.cash()).isEqualTo(8_500_000);
        assertThat(broker.holdings()).extracting(h -> h.code() + ":" + h.quantity()).containsExactly("005930:4");
        assertThat(broker.cancel("0000000071").cancelled()).isTrue();
        assertThat(kis.requests(CANCEL).get(0).getBody().readUtf8()).contains("\"KRX_FWDG_ORD_ORGNO\":\"91252\"");
    }
}
