package com.primejennie.shared.kis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One answer from KIS: HTTP status, the continuation header {@code tr_cont}, and the JSON body ({@link MissingNode}
 * when the body was empty or not JSON).
 */
public record KisResponse(int status, String trCont, JsonNode body, String rawBody) {

    public KisResponse {
        body = body == null ? MissingNode.getInstance() : body;
        trCont = trCont == null ? "" : trCont;
        rawBody = rawBody == null ? "" : rawBody;
    }

    /** Whether the body is KIS JSON (an object). */
    public boolean hasKisBody() {
        return body.isObject();
    }

    public String rtCd() {
        return text(body, "rt_cd");
    }

    /** {@code msg_cd}, or the OAuth endpoints' {@code error_code}. */
    public String msgCd() {
        String code = text(body, "msg_cd");
        return code.isEmpty() ? text(body, "error_code") : code;
    }

    /** {@code msg1}, or the OAuth endpoints' {@code error_description}. */
    public String msg1() {
        String msg = text(body, "msg1");
        return msg.isEmpty() ? text(body, "error_description") : msg;
    }

    /** True when KIS says more pages follow ({@code tr_cont} F or M). */
    public boolean hasMorePages() {
        return trCont.equals("F") || trCont.equals("M");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString("").trim();
    }
}
