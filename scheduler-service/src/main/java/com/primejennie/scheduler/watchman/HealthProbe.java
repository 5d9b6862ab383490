package com.primejennie.scheduler.watchman;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/**
 * Looks at the suite's services once: {@code GET <url>/actuator/health} of each configured service (UP = HTTP 200
 * and every component UP; the feed service's {@code feed} component is reported as its own target {@code feed}, so
 * a silent feed does not also read as a dead price-monitor) and whether each heartbeat key exists in Redis.
 */
public final class HealthProbe {

    private final WatchmanProperties properties;
    private final StringRedisTemplate redis;
    private final HttpClient http;

    public HealthProbe(WatchmanProperties properties, StringRedisTemplate redis) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout()).build();
    }

    /** The status of every target. */
    public List<TargetStatus> check() {
        List<TargetStatus> found = new ArrayList<>();
        for (Map.Entry<String, URI> service : properties.services().entrySet()) {
            found.addAll(checkService(service.getKey(), service.getValue()));
        }
        for (Map.Entry<String, String> heartbeat : properties.heartbeats().entrySet()) {
            found.add(checkHeartbeat(heartbeat.getKey(), heartbeat.getValue()));
        }
        return found;
    }

    private List<TargetStatus> checkService(String name, URI base) {
        boolean feedHere = name.equals(properties.feedService());
        String b = base.toString();
        URI health = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/actuator/health");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(health).timeout(properties.httpTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String why = "응답 없음 (" + e.getClass().getSimpleName() + ")";
            return feedHere ? List.of(TargetStatus.down(name, why), TargetStatus.down("feed", name + " " + why))
                    : List.of(TargetStatus.down(name, why));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        JsonNode body;
        try {
            body = WireJson.mapper().readTree(response.body());
        } catch (RuntimeException e) {
            body = null;
        }
        List<TargetStatus> found = new ArrayList<>();
        if (body == null || !body.isObject()) {
            found.add(TargetStatus.down(name, "HTTP " + response.statusCode() + ", 읽을 수 없는 응답"));
            if (feedHere) {
                found.add(TargetStatus.down("feed", name + " health를 읽을 수 없음"));
            }
            return found;
        }
        JsonNode components = body.path("components");
        if (components.isObject() && !components.isEmpty()) {
            List<String> downParts = new ArrayList<>();
            for (String part : components.propertyNames()) {
                if (feedHere && part.equals("feed")) {
                    continue;
                }
                String status = components.path(part).path("status").asString("UNKNOWN");
                if (!"UP".equals(status)) {
                    downParts.add(part + "=" + status);
                }
            }
            found.add(downParts.isEmpty() ? TargetStatus.up(name)
                    : TargetStatus.down(name, "구성요소 " + String.join(", ", downParts)));
        } else {
            String status = body.path("status").asString("UNKNOWN");
            found.add(response.statusCode() == 200 && "UP".equals(status) ? TargetStatus.up(name)
                    : TargetStatus.down(name, "HTTP " + response.statusCode() + ", status " + status));
        }
        if (feedHere) {
            String feed = components.path("feed").path("status").asString("MISSING");
            found.add("UP".equals(feed) ? TargetStatus.up("feed") : TargetStatus.down("feed", "feed " + feed));
        }
        return found;
    }

    private TargetStatus checkHeartbeat(String name, String key) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(key)) ? TargetStatus.up(name)
                    : TargetStatus.down(name, "하트비트 " + key + " 없음");
        } catch (RuntimeException e) {
            return TargetStatus.down(name, "Redis 확인 실패: " + e.getMessage());
        }
    }
}
