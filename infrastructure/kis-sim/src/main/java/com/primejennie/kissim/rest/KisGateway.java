package com.primejennie.kissim.rest;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

import com.primejennie.kissim.auth.RateLimiter;
import com.primejennie.kissim.auth.TokenService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What KIS's gateway checks before any {@code /uapi} call, in KIS's order: a Bearer token that exists and has not
 * expired, the app key it was issued to and an app secret, the per-app-key rate limit, and a tr_id the path knows.
 * Every answer carries KIS's response headers ({@code tr_id}, {@code tr_cont}, {@code gt_uid}).
 */
public class KisGateway implements HandlerInterceptor {

    private final TokenService tokens;
    private final RateLimiter rateLimiter;
    private final JsonMapper json;
    private final java.util.concurrent.atomic.AtomicLong admitted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong rateRefused = new java.util.concurrent.atomic.AtomicLong();

    public KisGateway(TokenService tokens, RateLimiter rateLimiter, JsonMapper json) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String trId = request.getHeader("tr_id");
        response.setHeader("tr_id", trId == null ? "" : trId);
        response.setHeader("tr_cont", "");
        response.setHeader("gt_uid", UUID.randomUUID().toString().replace("-", ""));
        String auth = request.getHeader("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return reject(response, 500, GatewayErrors.NO_BEARER);
        }
        TokenService.Token token = tokens.find(auth.substring(7).trim()).orElse(null);
        if (token == null) {
            return reject(response, 500, GatewayErrors.TOKEN_INVALID);
        }
        if (tokens.expired(token)) {
            return reject(response, 500, GatewayErrors.TOKEN_EXPIRED);
        }
        String appKey = request.getHeader("appkey");
        if (appKey == null || !appKey.equals(token.appKey())) {
            return reject(response, 500, GatewayErrors.BAD_APPKEY);
        }
        String appSecret = request.getHeader("appsecret");
        if (appSecret == null || appSecret.isBlank()) {
            return reject(response, 500, GatewayErrors.BAD_APPSECRET);
        }
        if (!rateLimiter.tryAcquire(appKey)) {
            rateRefused.incrementAndGet();
            return reject(response, 500, GatewayErrors.RATE_LIMIT);
        }
        admitted.incrementAndGet();
        if (!TrIds.accepts(request.getRequestURI(), trId)) {
            return reject(response, 500, GatewayErrors.NO_SERVICE);
        }
        return true;
    }

    /** REST calls that passed the gateway's token and rate checks since start (for benches and budget tests). */
    public long requestsAdmitted() {
        return admitted.get();
    }

    /** REST calls refused with KIS's rate error (EGW00201) since start. */
    public long rateLimitRefusals() {
        return rateRefused.get();
    }

    private boolean reject(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
        return false;
    }
}
