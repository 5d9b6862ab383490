package com.primejennie.shared.kis;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bare HTTP exchange with KIS (JDK HttpClient): builds the URL, sends, reads the JSON. It tells apart a request
 * that provably never left ({@link KisErrorKind#NOT_SENT}: connection refused, connect timeout) from one whose answer
 * was lost ({@link KisErrorKind#TRANSPORT}), because for an order only the first may be sent again.
 */
public class KisHttp {

    private final HttpClient client;
    private final JsonMapper json;
    private final Duration readTimeout;

    public KisHttp(JsonMapper json, Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.json = json;
        this.readTimeout = readTimeout;
    }

    public JsonMapper json() {
        return json;
    }

    /** Sends one request; {@code query} goes to the URL (GET), {@code body} is written as JSON (POST). */
    public KisResponse send(String method, String baseUrl, String path, Map<String, String> query,
                            Map<String, ?> body, Map<String, String> headers) {
        URI uri = URI.create(stripSlash(baseUrl) + path + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if ("POST".equals(method)) {
            request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body == null ? Map.of() : body),
                    StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw new KisException(KisErrorKind.NOT_SENT, "cannot connect to KIS at " + baseUrl + ": " + e, e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new KisException(KisErrorKind.NOT_SENT, "cannot connect to KIS at " + baseUrl + ": " + e, e);
            }
            throw new KisException(KisErrorKind.TRANSPORT, method + " " + path + " lost its answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisException(KisErrorKind.TRANSPORT, method + " " + path + " interrupted while waiting", e);
        }
        String raw = response.body();
        JsonNode node = null;
        if (raw != null && !raw.isBlank()) {
            try {
                node = json.readTree(raw);
            } catch (JacksonException e) {
                node = null;
            }
        }
        return new KisResponse(response.statusCode(), response.headers().firstValue("tr_cont").orElse(""), node, raw);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }
}
