package com.primejennie.dashboard.logs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.DashboardProperties;
import com.primejennie.dashboard.web.ApiException;
import com.primejennie.dashboard.web.Shape;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log endpoints over Loki's {@code query_range} (URL from configuration). When Loki is not configured or does
 * not answer, they answer 502 with the reason instead of an empty list that would look like silence.
 */
@Service
public class LokiClient {

    public static final List<String> SERVICES = List.of("scout-job", "scout-worker", "buy-scanner", "buy-executor",
            "sell-executor", "price-monitor", "news-collector", "news-analyzer", "news-archiver", "kis-gateway",
            "dashboard-backend", "command-handler", "scheduler-service");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Seoul"));

    /** One log line; {@code nanos} is Loki's timestamp. */
    public record Line(String nanos, String message) {
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final DashboardProperties properties;
    private final MarketClock clock;

    public LokiClient(HttpClient http, JsonMapper json, DashboardProperties properties, MarketClock clock) {
        this.http = http;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code /api/logs/stream}: newest first. */
    public Map<String, Object> stream(String service, int limit, Long startNs, Long endNs) {
        long end = endNs != null ? endNs : nanos(clock.instant());
        long start = startNs != null ? startNs : end - 3_600_000_000_000L;
        List<Line> lines = query("{app=\"" + escape(service) + "\"}", limit, start, end);
        return Shape.of("logs", lines.stream().map(l -> Shape.of("timestamp", l.nanos(), "message", l.message()))
                .toList());
    }

    /** {@code /api/system/logs/{container}}: ascending, the last {@code limit}. */
    public Map<String, Object> container(String container, int limit, java.time.Duration since) {
        long end = nanos(clock.instant());
        long start = end - since.toNanos();
        List<Line> lines = new ArrayList<>(query("{container=\"" + escape(container) + "\"}", limit, start, end));
        lines.sort(Comparator.comparing((Line l) -> Long.parseLong(l.nanos())));
        List<Map<String, Object>> logs = lines.stream().map(l -> Shape.of("timestamp",
                STAMP.format(Instant.ofEpochSecond(0, Long.parseLong(l.nanos()))), "message", l.message())).toList();
        return Shape.of("container", container, "logs", logs, "count", logs.size());
    }

    List<Line> query(String selector, int limit, long start, long end) {
        String base = properties.lokiUrl();
        if (base.isBlank()) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Loki is not configured (LOKI_URL is empty)");
        }
        String url = base.replaceAll("/+$", "") + "/loki/api/v1/query_range?query="
                + URLEncoder.encode(selector, StandardCharsets.UTF_8) + "&limit=" + limit + "&start=" + start
                + "&end=" + end + "&direction=backward";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.httpTimeout()).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Loki unreachable at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.BAD_GATEWAY, "interrupted calling Loki");
        }
        if (response.statusCode() != 200) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Loki answered " + response.statusCode() + ": "
                    + response.body());
        }
        List<Line> lines = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Loki answered no JSON: " + e.getMessage());
        }
        for (JsonNode stream : root.path("data").path("result")) {
            for (JsonNode value : stream.path("values")) {
                lines.add(new Line(value.get(0).asString(), value.get(1).asString()));
            }
        }
        lines.sort(Comparator.comparing((Line l) -> Long.parseLong(l.nanos())).reversed());
        return lines.size() > limit ? lines.subList(0, limit) : lines;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
