package com.primejennie.buyexecutor.api;

import com.primejennie.buyexecutor.consume.BuyOutcome;
import com.primejennie.buyexecutor.consume.BuySignalHandler;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.orders.AdoptResult;
import com.primejennie.shared.orders.OrderService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The legacy Pub/Sub push endpoint {@code POST /process} ({@code {"message":{"data":base64(json)}}}; the intent key
 * comes from the envelope's {@code messageId}/{@code message_id}, else a SHA-256 of the payload, so a re-pushed
 * envelope never buys twice) and {@code POST /reconcile/adopt} (the order service's adopt, called by the bot's
 * {@code /sync} and the dashboard).
 */
@RestController
public class BuyExecutorController {

    private final BuySignalHandler handler;
    private final OrderService orders;

    public BuyExecutorController(BuySignalHandler handler, OrderService orders) {
        this.handler = handler;
        this.orders = orders;
    }

    @PostMapping("/process")
    public ResponseEntity<?> process(@RequestBody(required = false) String body) {
        JsonNode payload;
        String key;
        try {
            JsonNode envelope = WireJson.mapper().readTree(body == null ? "" : body);
            JsonNode message = envelope.path("message");
            String data = message.path("data").asString("");
            if (data.isEmpty()) {
                return bad("envelope has no message.data");
            }
            byte[] json = Base64.getDecoder().decode(data);
            payload = WireJson.mapper().readTree(json);
            if (!payload.isObject()) {
                return bad("message.data is not a JSON object");
            }
            String id = message.path("messageId").asString(message.path("message_id").asString(""));
            key = "process:" + (id.isBlank() ? sha256(json) : id);
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return bad("malformed envelope: " + e.getMessage());
        }
        BuyOutcome outcome = handler.handle(key, payload);
        return ResponseEntity.ok(outcome);
    }

    /** Body {@code {"code":"005930","operator":"bot"}}. */
    @PostMapping("/reconcile/adopt")
    public ResponseEntity<?> adopt(@RequestBody Map<String, String> body) {
        String code = body == null ? null : body.get("code");
        if (code == null || !code.matches("[0-9A-Z]{6}")) {
            return bad("code must be a 6-character stock code, got '" + code + "'");
        }
        String operator = body.getOrDefault("operator", "unknown");
        AdoptResult result = orders.adopt(code, operator);
        return ResponseEntity.ok(result);
    }

    private static ResponseEntity<Map<String, String>> bad(String reason) {
        return ResponseEntity.badRequest().body(Map.of("status", "error", "reason", reason));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
