package com.primejennie.buyexecutor.consume;

import com.primejennie.buyexecutor.api.BuyExecutorController;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /process}: the legacy envelope, its intent key, and {@code POST /reconcile/adopt}. */
class ProcessEndpointTest extends PipelineFixture {

    private static final String SIGNAL = "{\"candidates\":[{\"code\":\"035420\",\"stock_code\":\"035420\","
            + "\"stock_name\":\"NAVER\",\"buy_signal_type\":\"DIP_BUY\",\"current_price\":50000.0,\"llm_score\":72,"
            + "\"is_tradable\":true}],\"market_regime\":\"SIDEWAYS\",\"source\":\"buy_scanner_websocket\"}";

    private BuyExecutorController controller() {
        return new BuyExecutorController(new BuySignalHandler(pipeline), orders);
    }

    private static String envelope(String messageId, String json) {
        String data = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return messageId == null ? "{\"message\":{\"data\":\"" + data + "\"}}"
                : "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"" + messageId + "\"}}";
    }

    @Test
    void processDerivesTheIntentKeyFromTheEnvelopeMessageId() {
        ResponseEntity<?> r = controller().process(envelope("pubsub-42", SIGNAL));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(((BuyOutcome) r.getBody()).status()).isEqualTo("success");
        assertThat(orders.submitted).containsOnlyKeys("process:pubsub-42:035420");
    }

    @Test
    void processWithoutMessageIdKeysOnThePayloadHashSoARepushBuysOnce() {
        controller().process(envelope(null, SIGNAL));
        locked.clear(); // even with the stock lock gone, the same payload maps to the same intent
        controller().process(envelope(null, SIGNAL));
        assertThat(orders.submitted).hasSize(1);
        assertThat(orders.submitted.keySet().iterator().next()).matches("process:[0-9a-f]{64}:035420");
    }

    @Test
    void processRejectsMalformedEnvelopesWith400() {
        assertThat(controller().process("not json").getStatusCode().value()).isEqualTo(400);
        assertThat(controller().process("{\"message\":{\"data\":\"%%%\"}}").getStatusCode().value()).isEqualTo(400);
        assertThat(controller().process(envelope("x", "[1,2]")).getStatusCode().value()).isEqualTo(400);
        assertThat(orders.submitted).isEmpty();
    }

    @Test
    void reconcileAdoptCallsTheOrderServiceAdopt() {
        orders.blocks.put("000660", "mismatch");
        assertThat(controller().adopt(Map.of("code", "000660", "operator", "bot")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(orders.blocks).doesNotContainKey("000660");
    }
}
