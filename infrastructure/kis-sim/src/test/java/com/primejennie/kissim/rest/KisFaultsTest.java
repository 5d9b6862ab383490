package com.primejennie.kissim.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;

import tools.jackson.databind.JsonNode;

/** Planned faults: the next N calls fail with HTTP 500, time out, or lose the answer after the order was taken. */
class KisFaultsTest extends SimTestSupport {

    private static final Map<String, String> SAMSUNG = Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", "005930");

    @Test
    void theNextNCallsFailWithHttp500ThenServiceResumes() {
        admin("POST", "/admin/faults", Map.of("kind", "HTTP_500", "count", 2, "path", "inquire-price"));
        for (int i = 0; i < 2; i++) {
            Answer a = kisGet(PRICE, "FHKST01010100", SAMSUNG);
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.json().path("rt_cd").asString()).isEqualTo("1");
        }
        assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).status()).isEqualTo(200);
    }

    @Test
    void aLostResponseStillPlacesTheOrderSoOnlyDailyCcldTellsTheTruth() throws Exception {
        admin("POST", "/admin/faults", Map.of("kind", "LOST_RESPONSE", "path", "order-cash", "holdMillis", 60_000));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + ORDER)).timeout(Duration.ofSeconds(2))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .header("appkey", appKey).header("appsecret", "s").header("tr_id", "VTTC0012U")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("CANO", cano,
                        "ACNT_PRDT_CD", "01", "PDNO", "005930", "ORD_DVSN", "01", "ORD_QTY", "4", "ORD_UNPR", "0"))))
                .build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        admin("DELETE", "/admin/faults", null); // releases the held request

        JsonNode rows = dailyCcld("").path("output1");
        assertThat(rows).hasSize(1);
        assertThat(num(rows.get(0), "tot_ccld_qty")).isEqualTo(4);
    }

    @Test
    void aTimeoutDoesNotPlaceTheOrder() throws Exception {
        admin("POST", "/admin/faults", Map.of("kind", "TIMEOUT", "path", "order-cash", "holdMillis", 60_000));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + ORDER)).timeout(Duration.ofSeconds(2))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .header("appkey", appKey).header("appsecret", "s").header("tr_id", "VTTC0012U")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("CANO", cano,
                        "ACNT_PRDT_CD", "01", "PDNO", "005930", "ORD_DVSN", "01", "ORD_QTY", "4", "ORD_UNPR", "0"))))
                .build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        admin("DELETE", "/admin/faults", null);
        assertThat(dailyCcld("").path("output1")).isEmpty();
    }

    @Test
    void rateLimitAndExpiredTokenFaultsLookLikeKis() {
        admin("POST", "/admin/faults", Map.of("kind", "RATE_LIMIT"));
        admin("POST", "/admin/faults", Map.of("kind", "TOKEN_EXPIRED"));
        assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).json().path("msg_cd").asString()).isEqualTo("EGW00201");
        assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).json().path("msg_cd").asString()).isEqualTo("EGW00123");
        assertThat(kisGet(PRICE, "FHKST01010100", SAMSUNG).status()).isEqualTo(200);
    }
}
