package com.primejennie.shared.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.shared.kis.KisErrorClassifier;
import com.primejennie.shared.kis.KisErrorKind;
import com.primejennie.shared.kis.KisResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * What an answer to an order means: REJECTED (nothing placed) only for rt_cd != 0 on HTTP 2xx or a known business
 * code; an unknown gateway code or a 5xx leaves the order's fate unknown (SERVER_ERROR → UNKNOWN).
 */
class OrderAnswerClassificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "HTTP {0} rt_cd={1} msg_cd={2} -> {3}")
    @CsvSource({
            "200, 0, , OK",
            "200, 1, APBK0952, REJECTED",
            "200, 1, ZZZZ0001, REJECTED",        // rt_cd != 0 on 2xx: KIS refused it
            "500, 1, APBK0986, REJECTED",        // known business code, whatever the status
            "500, 1, EGW99999, SERVER_ERROR",    // unknown gateway code on a 5xx: may exist
            "500, 1, , SERVER_ERROR",
            "502, 1, XYZ, SERVER_ERROR",
            "500, 1, EGW00201, RATE_LIMITED",    // refused before processing
            "500, 1, EGW00123, TOKEN_EXPIRED"})
    void classifiesOrderAnswers(int status, String rtCd, String msgCd, String expected) {
        String body = "{\"rt_cd\":\"" + rtCd + "\",\"msg_cd\":\"" + (msgCd == null ? "" : msgCd)
                + "\",\"msg1\":\"x\",\"output\":{\"ODNO\":\"1\"}}";
        KisResponse response = new KisResponse(status, "", JSON.readTree(body), body);

        String kind = KisErrorClassifier.classifyOrder(response).map(KisErrorKind::name).orElse("OK");

        assertThat(kind).isEqualTo(expected);
    }
}
