package com.primejennie.dashboard.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import com.primejennie.dashboard.DashboardProperties;
import com.primejennie.dashboard.web.Shape;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's health over HTTP from the configured URLs (all asked in parallel, each bounded by the HTTP timeout),
 * for {@code /api/system/services}; the old Docker card ({@code /api/system/docker}) is filled from the same answers.
 */
@Service
public class ServiceHealthQuery {

    private final HttpClient http;
    private final JsonMapper json;
    private final DashboardProperties properties;

    public ServiceHealthQuery(HttpClient http, JsonMapper json, DashboardProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    public Map<String, Object> services() {
        List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>();
        properties.services().forEach((name, url) -> calls.add(probe(name, url)));
        List<Map<String, Object>> services = calls.stream().map(CompletableFuture::join).toList();
        long up = services.stream().filter(s -> "UP".equals(s.get("status"))).count();
        return Shape.of("services", services, "count", services.size(), "up", up);
    }

    private CompletableFuture<Map<String, Object>> probe(String name, String url) {
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.httpTimeout()).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Shape.of("name", name, "url", url, "status", "DOWN",
                    "http_status", null, "latency_ms", null, "error", "bad URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                return Shape.of("name", name, "url", url, "status", "DOWN", "http_status", null, "latency_ms", ms,
                        "error", cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                                : ": " + cause.getMessage()));
            }
            String status = response.statusCode() == 200 ? "UP" : "DOWN";
            try {
                JsonNode body = json.readTree(response.body());
                if (body.hasNonNull("status")) {
                    String s = body.get("status").asString();
                    status = s.equalsIgnoreCase("ok") || s.equalsIgnoreCase("healthy") ? "UP"
                            : s.toUpperCase(java.util.Locale.ROOT);
                }
            } catch (RuntimeException ignored) {
                // a non-JSON health page: the HTTP status decides
            }
            return Shape.of("name", name, "url", url, "status", status, "http_status", response.statusCode(),
                    "latency_ms", ms, "error", null);
        });
    }

    /** The old Docker card: running containers only, one per healthy service. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> dockerShape() {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) services().get("services")) {
            if (!"UP".equals(s.get("status"))) {
                continue;
            }
            String name = (String) s.get("name");
            containers.add(Shape.of("ID", name.length() > 12 ? name.substring(0, 12) : name, "Names", name,
                    "Image", "prime-jennie/" + name, "Status", "Up (healthy, " + s.get("latency_ms") + " ms)",
                    "State", "running"));
        }
        return Shape.of("containers", containers, "count", containers.size());
    }
}
