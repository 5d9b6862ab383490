package com.primejennie.dashboard.logs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.BadParameterException;
import com.primejennie.dashboard.web.Params;

/** {@code /api/logs/stream}, {@code /api/logs/services}, {@code /api/system/logs/{container}}. */
@RestController
public class LogsController {

    private final LokiClient loki;

    public LogsController(LokiClient loki) {
        this.loki = loki;
    }

    @GetMapping("/api/logs/stream")
    public Map<String, Object> stream(@RequestParam String service, @RequestParam(defaultValue = "100") int limit,
                                      @RequestParam(required = false) Long start,
                                      @RequestParam(required = false) Long end) {
        if (service.isBlank()) {
            throw new BadParameterException("query", "service", "service is required");
        }
        return loki.stream(service, Params.range("limit", limit, 1, 5000), start, end);
    }

    @GetMapping("/api/logs/services")
    public List<String> services() {
        return LokiClient.SERVICES;
    }

    @GetMapping("/api/system/logs/{container}")
    public Map<String, Object> container(@PathVariable String container,
                                         @RequestParam(defaultValue = "100") int limit,
                                         @RequestParam(defaultValue = "1h") String since) {
        return loki.container(container, Params.range("limit", limit, 1, 5000), since(since));
    }

    static Duration since(String value) {
        var m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(value.trim());
        if (!m.matches()) {
            throw new BadParameterException("query", "since", "since must look like 30m, 1h or 2d, was '" + value
                    + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
