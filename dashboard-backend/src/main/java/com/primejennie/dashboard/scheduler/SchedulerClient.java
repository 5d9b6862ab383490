package com.primejennie.dashboard.scheduler;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.DashboardProperties;
import com.primejennie.dashboard.web.ApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scheduler-service's HTTP API ({@code /jobs…}, {@code /health}). An upstream error keeps its status and
 * {@code detail}; no connection is 503, a timeout 504 (spec §2.3 "Proxy details").
 */
@Component
public class SchedulerClient {

    private final HttpClient http;
    private final JsonMapper json;
    private final DashboardProperties properties;

    public SchedulerClient(HttpClient http, JsonMapper json, DashboardProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode send(String method, String path, Object body) {
        String base = properties.schedulerUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(properties.httpTimeout()).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "scheduler-service timed out: " + base + path);
        } catch (ConnectException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "scheduler-service unreachable at " + base
                    + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "scheduler-service unreachable at " + base
                    + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted calling scheduler-service");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 400) {
            String detail = answer.hasNonNull("detail") ? answer.get("detail").asString() : response.body();
            HttpStatus status = HttpStatus.resolve(response.statusCode());
            throw new ApiException(status == null ? HttpStatus.BAD_GATEWAY : status, detail);
        }
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return json.getNodeFactory().stringNode(body);
        }
    }
}
