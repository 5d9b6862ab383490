package com.primejennie.kissim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * KIS's gateway behaviour: rate limit per app key, token throttle and expiry, header checks. The Python mock checked
 * no token or header at all (§3.7), so a client that forgot its token passed every test and failed on the real KIS.
 */
class KisGatewayTest extends SimTestSupport {

    private static final Map<String, String> SAMSUNG = Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930");

    @Test
    void rateErrorAppearsWhenTheConfiguredRateIsExceeded() {
        admin("PUT", "/admin/settings", Map.of("rateLimitRequests", 3, "rateLimitWindowMillis", 600_000));
        for (int i = 0; i < 3; i++) {
            assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).status()).isEqualTo(200);
        }
        Answer over = kisGet(PRICE, "FHKST01010100", SAMSUNG);
        assertThat(over.status()).isEqualTo(500);
        assertThat(over.json().path("rt_cd").asString()).isEqualTo("1");
        assertThat(over.json().path("msg_cd").asString()).isEqualTo("EGW00201");
        assertThat(over.json().path("msg1").asString()).isEqualTo("초당 거래건수를 초과하였습니다.");

        freshToken(); // the budget is per app key, shared by every endpoint
        assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).status()).isEqualTo(200);
    }

    @Test
    void aSecondTokenWithinAMinuteIsThrottledWithEgw00133() {
        Answer again = post("/oauth2/tokenP", Map.of("grant_type", "client_credentials", "appkey", appKey,
                "appsecret", "x"), Map.of());
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().path("error_code").asString()).isEqualTo("EGW00133");
        assertThat(again.json().path("error_description").asString())
                .isEqualTo("접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)");
        assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).status()).as("the first token still works").isEqualTo(200);
    }

    @Test
    void tokensExpireAfterTwentyFourHoursOfMarketTime() {
        advance("PT24H");
        Answer expired = kisGet(PRICE, "FHKST01010100", SAMSUNG);
        assertThat(expired.status()).isEqualTo(500);
        assertThat(expired.json().path("msg_cd").asString()).isEqualTo("EGW00123");
        assertThat(expired.json().path("msg1").asString()).isEqualTo("기간이 만료된 token 입니다.");
    }

    @Test
    void callsWithoutAValidBearerTokenAreRefusedUnlikeThePythonMock() {
        Answer none = send(HttpRequest.newBuilder(URI.create(base() + PRICE + "?FID_COND_MRKT_DIV_CODE=J"
                        + "&FID_INPUT_ISCD=005930")).timeout(Duration.ofSeconds(10))
                .header("appkey", appKey).header("appsecret", "s").header("tr_id", "FHKST01010100").GET().build());
        assertThat(none.status()).isEqualTo(500);
        assertThat(none.json().path("msg_cd").asString()).isEqualTo("EGW00205");

        token = "made-up";
        Answer unknown = kisGet(PRICE, "FHKST01010100", SAMSUNG);
        assertThat(unknown.json().path("msg_cd").asString()).isEqualTo("EGW00121");
        assertThat(unknown.json().path("msg1").asString()).isEqualTo("유효하지 않은 token 입니다.");
    }

    @Test
    void aTrIdThePathDoesNotKnowIsRefused() {
        JsonNode wrong = kisGet(BALANCE, "VTTC0012U", Map.of("CANO", cano, "ACNT_PRDT_CD", "01")).json();
        assertThat(wrong.path("rt_cd").asString()).isEqualTo("1");
        assertThat(wrong.path("msg1").asString()).isEqualTo("없는 서비스 코드 입니다");
    }

    @Test
    void answersCarryKisResponseHeaders() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + PRICE + "?FID_COND_MRKT_DIV_CODE=J"
                        + "&FID_INPUT_ISCD=005930")).header("authorization", "Bearer " + token).header("appkey", appKey)
                .header("appsecret", "s").header("tr_id", "FHKST01010100").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("tr_id")).contains("FHKST01010100");
        assertThat(r.headers().firstValue("gt_uid")).isPresent();
    }
}
