package com.primejennie.kissim.rest;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.kissim.auth.TokenService;
import com.primejennie.shared.market.MarketClock;

/**
 * {@code /oauth2/tokenP} (access token), {@code /oauth2/Approval} (WebSocket approval key; note KIS's field
 * {@code secretkey}) and {@code /oauth2/revokeP}, with KIS's OAuth error shape ({@code error_code},
 * {@code error_description}) and its one-token-per-minute throttle (EGW00133).
 */
@RestController
public class OAuthController {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TokenService tokens;

    public OAuthController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/oauth2/tokenP")
    public ResponseEntity<Map<String, Object>> token(@RequestBody(required = false) Map<String, Object> body) {
        String appKey = text(body, "appkey");
        if (!"client_credentials".equals(text(body, "grant_type"))) {
            return oauthError(403, "EGW00002", "grant_type 이 유효하지 않습니다.");
        }
        if (appKey.isEmpty()) {
            return oauthError(403, "EGW00103", "유효하지 않은 AppKey입니다.");
        }
        if (text(body, "appsecret").isEmpty()) {
            return oauthError(403, "EGW00105", "유효하지 않은 AppSecret입니다.");
        }
        TokenService.Issue issue = tokens.issue(appKey);
        if (issue.throttled()) {
            return oauthError(tokens.settings().tokenThrottleStatus(), "EGW00133",
                    "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)");
        }
        TokenService.Token t = issue.token();
        return ResponseEntity.ok(new Fields()
                .s("access_token", t.value())
                .s("access_token_token_expired", t.expiresAt().atZone(MarketClock.KST).format(EXPIRY))
                .s("token_type", "Bearer")
                .o("expires_in", tokens.settings().tokenLifetime().toSeconds()));
    }

    @PostMapping("/oauth2/Approval")
    public ResponseEntity<Map<String, Object>> approval(@RequestBody(required = false) Map<String, Object> body) {
        String appKey = text(body, "appkey");
        if (appKey.isEmpty()) {
            return oauthError(403, "EGW00103", "유효하지 않은 AppKey입니다.");
        }
        if (text(body, "secretkey").isEmpty()) {
            return oauthError(403, "EGW00105", "유효하지 않은 AppSecret입니다.");
        }
        return ResponseEntity.ok(new Fields().s("approval_key", tokens.approvalKey(appKey)));
    }

    @PostMapping("/oauth2/revokeP")
    public ResponseEntity<Map<String, Object>> revoke(@RequestBody(required = false) Map<String, Object> body) {
        return ResponseEntity.ok(new Fields().s("code", 200).s("message", "접근토큰 폐기에 성공하였습니다"));
    }

    private static ResponseEntity<Map<String, Object>> oauthError(int status, String code, String description) {
        return ResponseEntity.status(status).body(new Fields().s("error_description", description)
                .s("error_code", code));
    }

    private static String text(Map<String, Object> body, String key) {
        Object v = body == null ? null : body.get(key);
        return v == null ? "" : String.valueOf(v).trim();
    }
}
