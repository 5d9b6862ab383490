package com.primejennie.shared.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets the approval key straight from KIS: {@code POST {base}/oauth2/Approval} with
 * {@code {"grant_type":"client_credentials","appkey":…,"secretkey":…}} (KIS spells the secret {@code secretkey} here,
 * not {@code appsecret}) and reads {@code approval_key}. The key is cached until {@code forceNew}.
 * Stands in until the shared KIS client offers the same.
 */
public final class HttpApprovalKeySource implements ApprovalKeySource {

    private final HttpClient http;
    private final URI endpoint;
    private final String appKey;
    private final String appSecret;
    private final JsonMapper json = JsonMapper.shared();
    private volatile String cached;

    public HttpApprovalKeySource(HttpClient http, URI baseUrl, String appKey, String appSecret) {
        this.http = http;
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/oauth2/Approval");
        this.appKey = appKey == null ? "" : appKey;
        this.appSecret = appSecret == null ? "" : appSecret;
    }

    @Override
    public synchronized String approvalKey(boolean forceNew) {
        if (!forceNew && cached != null) {
            return cached;
        }
        if (appKey.isBlank() || appSecret.isBlank()) {
            throw new IllegalStateException("no KIS app key/secret configured (jennie.feed.app-key, "
                    + "jennie.feed.app-secret) - cannot get a WebSocket approval key from " + endpoint);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("appkey", appKey);
        body.put("secretkey", appSecret);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("approval key request to " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + endpoint + " for an approval key", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("approval key request to " + endpoint + " answered HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        JsonNode node = json.readTree(response.body());
        String key = node.path("approval_key").asString("");
        if (key.isBlank()) {
            throw new IllegalStateException("approval key answer of " + endpoint + " has no approval_key: "
                    + abbreviate(response.body()));
        }
        cached = key;
        return key;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
