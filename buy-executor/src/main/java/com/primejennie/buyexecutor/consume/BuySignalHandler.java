package com.primejennie.buyexecutor.consume;

import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.messaging.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Handles one {@code stream:buy-signals} entry (already ACKed by the worker; too old entries never get here — the
 * worker dead-letters them with reason {@code stale}, from the entry id, so a confirmed momentum signal counts from
 * its publication). The intent base is the entry id, so a redelivered entry never buys twice.
 */
public final class BuySignalHandler {

    private static final Logger log = LoggerFactory.getLogger(BuySignalHandler.class);

    private final BuyPipeline pipeline;

    public BuySignalHandler(BuyPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public void onMessage(ReceivedMessage<JsonNode> message) {
        BuyOutcome outcome = handle(message.id(), message.payload());
        log.info("buy signal {}: {}", message.id(), outcome);
    }

    /** Decides one signal under {@code intentBase} (entry id, or {@code POST /process}'s key). */
    public BuyOutcome handle(String intentBase, JsonNode payload) {
        BuySignal signal = WireJson.mapper().treeToValue(payload, BuySignal.class);
        return pipeline.process(new BuyRequest(signal, intentBase, limitPrice(payload)));
    }

    /** A manual limit price: {@code limit_price} at the top level or on the first candidate (dashboard). */
    static Long limitPrice(JsonNode payload) {
        JsonNode top = payload.path("limit_price");
        if (top.isNumber() || top.isString()) {
            return Long.parseLong(top.asString().replaceAll("\\.0+$", ""));
        }
        JsonNode first = payload.path("candidates").path(0).path("limit_price");
        if (first.isNumber() || first.isString()) {
            return Long.parseLong(first.asString().replaceAll("\\.0+$", ""));
        }
        return null;
    }
}
