package com.primejennie.kissim.rest;

/**
 * The errors KIS's API gateway answers with HTTP 500 and a {@code rt_cd:"1"} body, texts as KIS sends them.
 */
public final class GatewayErrors {

    public static final Fields RATE_LIMIT = Fields.error("EGW00201", "초당 거래건수를 초과하였습니다.");
    public static final Fields TOKEN_EXPIRED = Fields.error("EGW00123", "기간이 만료된 token 입니다.");
    public static final Fields TOKEN_INVALID = Fields.error("EGW00121", "유효하지 않은 token 입니다.");
    public static final Fields NO_BEARER = Fields.error("EGW00205", "credentials_type이 유효하지 않습니다.(Bearer)");
    public static final Fields BAD_APPKEY = Fields.error("EGW00103", "유효하지 않은 AppKey입니다.");
    public static final Fields BAD_APPSECRET = Fields.error("EGW00105", "유효하지 않은 AppSecret입니다.");
    public static final Fields NO_SERVICE = Fields.error("OPSQ0002", "없는 서비스 코드 입니다");

    /** A bare server failure ("HTTP 500 with an empty rt_cd:1 body", §3.5). */
    public static final Fields SERVER_ERROR = Fields.error("", "");

    private GatewayErrors() {
    }
}
