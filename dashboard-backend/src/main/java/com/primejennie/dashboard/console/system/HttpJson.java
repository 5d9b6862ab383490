package com.primejennie.dashboard.console.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/** Small JSON-over-HTTP calls with one timeout, for service health and the scheduler API. */
final class HttpJson {

    /** An answer: status and parsed body (null when not JSON). */
    record Answer(int status, JsonNode body, String text) {
    }

    private final HttpClient client;
    private final Duration timeout;

    HttpJson(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    Answer get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    Answer post(String url, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        try {
            body = WireJson.mapper().readTree(r.body());
        } catch (RuntimeException ignored) {
            // not JSON
        }
        return new Answer(r.statusCode(), body, r.body());
    }
}
