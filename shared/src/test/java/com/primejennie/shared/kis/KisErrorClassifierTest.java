package com.primejennie.shared.kis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/** KIS failures are classified by msg_cd, not by HTTP status (spec §3.5, issue 7). */
class KisErrorClassifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"정상처리\"}", null),
                Arguments.of(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당 거래건수를 초과하였습니다.\"}",
                        KisErrorKind.RATE_LIMITED),
                Arguments.of(200, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당\"}", KisErrorKind.RATE_LIMITED),
                Arguments.of(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00123\",\"msg1\":\"기간이 만료된 token 입니다.\"}",
                        KisErrorKind.TOKEN_EXPIRED),
                Arguments.of(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00121\",\"msg1\":\"유효하지 않은 token 입니다.\"}",
                        KisErrorKind.TOKEN_EXPIRED),
                Arguments.of(403, "{\"error_code\":\"EGW00133\",\"error_description\":\"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)\"}",
                        KisErrorKind.TOKEN_UNAVAILABLE),
                // business rejections are rejections whatever the status: they must not feed the breaker
                Arguments.of(200, "{\"rt_cd\":\"1\",\"msg_cd\":\"APBK0919\",\"msg1\":\"주문가능금액을 초과 했습니다\"}",
                        KisErrorKind.REJECTED),
                Arguments.of(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"APBK1664\",\"msg1\":\"잔고가 부족합니다\"}",
                        KisErrorKind.REJECTED),
                Arguments.of(500, "Internal Server Error", KisErrorKind.SERVER_ERROR),
                Arguments.of(502, "", KisErrorKind.SERVER_ERROR),
                Arguments.of(500, "{\"rt_cd\":\"1\",\"msg1\":\"\"}", KisErrorKind.SERVER_ERROR),
                Arguments.of(200, "<html>oops</html>", KisErrorKind.SERVER_ERROR),
                Arguments.of(404, "<html>Not Found</html>", KisErrorKind.REJECTED));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @MethodSource("answers")
    void classifiesByMsgCdNotByHttpStatus(int status, String body, KisErrorKind expected) {
        var node = body.startsWith("{") ? JSON.readTree(body) : null;
        KisResponse response = new KisResponse(status, "", node, body);

        assertThat(KisErrorClassifier.classify(response)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void onlyServerAndTransportFailuresLeaveAnOrderInDoubtAndCountForTheBreaker(KisErrorKind kind, boolean unknown) {
        assertThat(kind.outcomeUnknown()).isEqualTo(unknown);
        assertThat(kind.breakerFailure()).isEqualTo(unknown);
    }

    static Stream<Arguments> kinds() {
        return Stream.of(Arguments.of(KisErrorKind.REJECTED, false), Arguments.of(KisErrorKind.RATE_LIMITED, false),
                Arguments.of(KisErrorKind.TOKEN_EXPIRED, false), Arguments.of(KisErrorKind.NOT_SENT, false),
                Arguments.of(KisErrorKind.CIRCUIT_OPEN, false), Arguments.of(KisErrorKind.SERVER_ERROR, true),
                Arguments.of(KisErrorKind.TRANSPORT, true));
    }
}
