package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subscription replies are classified by KIS's {@code msg_cd}, not by {@code msg1}: the text column below is what KIS
 * (or kis-sim) sends, and several rows would be misread by text ("ALREADY IN USE appkey" is not "already subscribed").
 */
class FeedReplyClassificationTest {

    @ParameterizedTest(name = "{0} rt_cd={1} \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', value = {
            "OPSP0000 | 0 | SUBSCRIBE SUCCESS                          | SUBSCRIBED",
            "OPSP0001 | 0 | UNSUBSCRIBE SUCCESS                        | UNSUBSCRIBED",
            "OPSP0002 | 1 | ALREADY IN SUBSCRIBE                       | ALREADY_SUBSCRIBED",
            "OPSP0002 | 1 | 이미 등록된 종목입니다                         | ALREADY_SUBSCRIBED",
            "OPSP0003 | 1 | UNSUBSCRIBE ERROR(not found!)              | NOT_SUBSCRIBED",
            "OPSP0007 | 1 | SUBSCRIBE INTERNAL ERROR                   | SERVER_ERROR",
            "OPSP0008 | 1 | MAX SUBSCRIBE OVER                         | LIMIT_REACHED",
            "OPSP0009 | 1 | SUBSCRIBE ERROR : mci send failed          | SERVER_ERROR",
            "OPSP0010 | 1 | SUBSCRIBE WARNING : invalid appkey         | KEY_REFUSED",
            "OPSP0011 | 9 | invalid approval : NOT FOUND               | KEY_REFUSED",
            "OPSP8991 | 9 | SUBSCRIBE ERROR : invalid tr_id            | BAD_REQUEST",
            "OPSP8992 | 9 | SUBSCRIBE ERROR : invalid tr_key           | BAD_REQUEST",
            "OPSP8996 | 9 | ALREADY IN USE appkey                      | APP_KEY_IN_USE",
            "OPSP8997 | 9 | JSON PARSING ERROR : invalid tr_type       | BAD_REQUEST",
            "OPSP8999 | 9 | resource not available (ALLOC_CALL_PARAM) | SERVER_ERROR",
            "OPSP9994 | 9 | JSON PARSING ERROR : INVALID appkey        | KEY_REFUSED",
            "OPSP9995 | 9 | JSON PARSING ERROR : resource not available | SERVER_ERROR",
            "OPSP9999 | 9 | JSON PARSING ERROR : invalid json format   | BAD_REQUEST",
            "OPSP0005 | 9 | invalid tr_id                              | BAD_REQUEST",
            "opsp0000 | 0 | subscribe success                          | SUBSCRIBED",
            "OPSP1234 | 0 | SOMETHING NEW                              | OTHER_SUCCESS",
            "OPSP1234 | 1 | ALREADY SOMETHING                          | OTHER_REFUSAL",
            "''       | 1 | ''                                         | OTHER_REFUSAL",
    })
    void classifiesByMessageCode(String msgCode, String rtCd, String text, SubscriptionReplyKind expected) {
        FeedFrame.Reply reply = new FeedFrame.Reply("H0STCNT0", "005930", "0".equals(rtCd), msgCode, text, null, null);

        assertThat(SubscriptionReplyKind.of(reply)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} registered: {1}")
    @CsvSource({"SUBSCRIBED, true", "ALREADY_SUBSCRIBED, true", "OTHER_SUCCESS, true", "UNSUBSCRIBED, false",
            "LIMIT_REACHED, false", "APP_KEY_IN_USE, false", "OTHER_REFUSAL, false"})
    void onlySuccessesCountAsRegistered(SubscriptionReplyKind kind, boolean registered) {
        assertThat(kind.registered()).isEqualTo(registered);
    }
}
