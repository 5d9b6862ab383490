package com.primejennie.dashboard.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the web console reads from configuration ({@code jennie.console.*}), defaults in one place.
 *
 * @param profitUpColor   colour of a gain; red by default, as Korean users read prices
 * @param profitDownColor colour of a loss; blue by default
 * @param schedulerUrl    scheduler-service's HTTP API (jobs, run/pause/resume)
 * @param services        service name → its health URL, shown on the system page
 * @param streams         streams shown on the system page, each with its groups and dead-letter stream
 * @param httpTimeout     timeout of every outgoing HTTP call (scheduler, service health)
 * @param feedSize        how many live-feed lines the overview keeps
 */
@ConfigurationProperties("jennie.console")
public record ConsoleProperties(String profitUpColor, String profitDownColor, String schedulerUrl,
                                Map<String, String> services, List<String> streams, Duration httpTimeout,
                                Integer feedSize) {

    public ConsoleProperties {
        profitUpColor = blank(profitUpColor) ? "#d32f2f" : profitUpColor.trim();
        profitDownColor = blank(profitDownColor) ? "#1565c0" : profitDownColor.trim();
        schedulerUrl = blank(schedulerUrl) ? "http://127.0.0.1:8095" : schedulerUrl.trim().replaceAll("/+$", "");
        services = services == null ? defaultServices() : new LinkedHashMap<>(services);
        streams = streams == null || streams.isEmpty() ? List.of("stream:buy-signals", "stream:sell-orders",
                "stream:jobs:scout", "stream:jobs:data", "stream:jobs:results", "stream:news:raw", "kis:prices",
                "kis:fills") : List.copyOf(streams);
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(2) : httpTimeout;
        feedSize = feedSize == null || feedSize < 1 ? 50 : feedSize;
        for (String color : List.of(profitUpColor, profitDownColor)) {
            if (!color.matches("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")) {
                throw new IllegalArgumentException("jennie.console.profit-*-color must be a CSS colour like #d32f2f, "
                        + "was '" + color + "'");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The apps of the suite on their default ports (README, "Modules"). */
    static Map<String, String> defaultServices() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("buy-scanner", "http://127.0.0.1:8081/actuator/health");
        m.put("buy-executor", "http://127.0.0.1:8082/actuator/health");
        m.put("sell-executor", "http://127.0.0.1:8083/actuator/health");
        m.put("scout-job", "http://127.0.0.1:8087/actuator/health");
        m.put("price-monitor", "http://127.0.0.1:8088/actuator/health");
        m.put("command-handler", "http://127.0.0.1:8091/actuator/health");
        m.put("news-archiver", "http://127.0.0.1:8092/actuator/health");
        m.put("scheduler-service", "http://127.0.0.1:8095/actuator/health");
        return m;
    }
}
