package com.primejennie.kissim.websocket;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.primejennie.kissim.auth.TokenService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * KIS's real-time protocol on the server side: subscribe ({@code tr_type "1"}) and unsubscribe ({@code "2"}) JSON
 * requests carrying the approval key, answered with KIS's JSON acknowledgements (OPSP codes; the key/iv for notice
 * decryption in {@code body.output}); the per-session registration cap (KIS: 41, "MAX SUBSCRIBE OVER"); PINGPONG
 * echoes from the client are accepted silently. Data frames are sent by the {@link RealtimeHub}.
 */
public class KisWebSocketHandler extends TextWebSocketHandler {

    private final RealtimeHub hub;
    private final TokenService tokens;
    private final JsonMapper json;

    public KisWebSocketHandler(RealtimeHub hub, TokenService tokens, JsonMapper json) {
        this.hub = hub;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        hub.open(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        hub.closed(session.getId());
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        RealtimeSession session = hub.session(socket.getId());
        if (session == null) {
            return;
        }
        JsonNode root;
        try {
            root = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            session.send(answer("", "", "9", "OPSP9999", "JSON PARSING ERROR : invalid json format", null));
            return;
        }
        JsonNode header = root.path("header");
        if ("PINGPONG".equals(header.path("tr_id").asString(""))) {
            return;
        }
        JsonNode input = root.path("body").path("input");
        String trId = input.path("tr_id").asString("");
        String trKey = input.path("tr_key").asString("");
        String trType = header.path("tr_type").asString("");
        if (!tokens.validApprovalKey(header.path("approval_key").asString(null))) {
            session.send(answer(trId, trKey, "9", "OPSP0011", "invalid approval : NOT FOUND", null));
            return;
        }
        if (!RealtimeHub.TRADES.equals(trId) && !RealtimeHub.NOTICE_REAL.equals(trId)
                && !RealtimeHub.NOTICE_PAPER.equals(trId)) {
            session.send(answer(trId, trKey, "9", "OPSP0005", "invalid tr_id", null));
            return;
        }
        if (trKey.isBlank()) {
            session.send(answer(trId, trKey, "9", "OPSP0006", "invalid tr_key", null));
            return;
        }
        if ("1".equals(trType)) {
            if (session.registered(trId, trKey)) {
                session.send(answer(trId, trKey, "1", "OPSP0002", "ALREADY IN SUBSCRIBE", null));
            } else if (session.registrationCount() >= hub.maxRegistrations()) {
                session.send(answer(trId, trKey, "1", "OPSP0008", "MAX SUBSCRIBE OVER", null));
            } else {
                session.register(trId, trKey);
                hub.recount();
                session.send(answer(trId, trKey, "0", "OPSP0000", "SUBSCRIBE SUCCESS", session.cipher()));
            }
        } else if ("2".equals(trType)) {
            if (session.unregister(trId, trKey)) {
                hub.recount();
                session.send(answer(trId, trKey, "0", "OPSP0001", "UNSUBSCRIBE SUCCESS", session.cipher()));
            } else {
                session.send(answer(trId, trKey, "1", "OPSP0003", "UNSUBSCRIBE ERROR(not found!)", null));
            }
        } else {
            session.send(answer(trId, trKey, "9", "OPSP0004", "invalid tr_type", null));
        }
    }

    private String answer(String trId, String trKey, String rtCd, String msgCd, String msg1, NoticeCipher cipher) {
        ObjectNode root = json.createObjectNode();
        root.putObject("header").put("tr_id", trId).put("tr_key", trKey).put("encrypt", "N");
        ObjectNode body = root.putObject("body").put("rt_cd", rtCd).put("msg_cd", msgCd).put("msg1", msg1);
        if (cipher != null) {
            body.putObject("output").put("iv", cipher.iv()).put("key", cipher.key());
        }
        return json.writeValueAsString(root);
    }
}
