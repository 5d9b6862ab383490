package com.primejennie.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the dashboard reads from configuration, with its defaults in one place (bound from
 * {@code jennie.dashboard.*}; application.properties maps the Python suite's env names onto it).
 *
 * @param startingCapital  the equity base of the performance MDD (the Python code had a literal 200,000,000)
 * @param lokiUrl          Loki for the log endpoints; blank = not deployed (they answer 502 saying so)
 * @param schedulerUrl     scheduler-service's HTTP API, used by the scheduler proxy and the Airflow-shaped endpoints
 * @param services         service name → its health URL, polled by {@code /api/system/services}
 * @param streams          streams reported by {@code /api/system/streams} (with every group each one has)
 * @param httpTimeout      timeout of every outgoing HTTP call (scheduler, Loki, service health)
 */
@ConfigurationProperties("jennie.dashboard")
public record DashboardProperties(BigDecimal startingCapital, String lokiUrl, String schedulerUrl,
                                  Map<String, String> services, List<String> streams, Duration httpTimeout,
                                  Auth auth, List<String> corsOrigins) {

    public static final BigDecimal DEFAULT_STARTING_CAPITAL = new BigDecimal("200000000");

    public DashboardProperties {
        startingCapital = startingCapital == null ? DEFAULT_STARTING_CAPITAL : startingCapital;
        if (startingCapital.signum() <= 0) {
            throw new IllegalArgumentException("jennie.dashboard.starting-capital must be positive, was "
                    + startingCapital);
        }
        lokiUrl = lokiUrl == null ? "" : lokiUrl.trim();
        schedulerUrl = schedulerUrl == null || schedulerUrl.isBlank() ? "http://127.0.0.1:8095" : schedulerUrl.trim();
        services = services == null ? defaultServices() : new LinkedHashMap<>(services);
        streams = streams == null || streams.isEmpty() ? List.of("stream:buy-signals", "stream:sell-orders",
                "stream:jobs:scout", "kis:prices", "stream:news:raw", "stream:jobs:results") : List.copyOf(streams);
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(5) : httpTimeout;
        auth = auth == null ? new Auth(null, null, null, null, null) : auth;
        corsOrigins = corsOrigins == null ? List.of("http://localhost:5173", "http://localhost:3000",
                "http://127.0.0.1:5173") : List.copyOf(corsOrigins);
    }

    /** The apps of the suite on their default ports (ARCHITECTURE.md §2). */
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

    /**
     * @param mode      {@code token} (default: a JWT from {@code /api/auth/login} on every data call) or {@code proxy}
     *                  (an authenticating reverse proxy in front, as the Python deployment had; data calls open)
     * @param username  the operator's login name (default {@code admin})
     * @param password  the operator's password; no default - without one, login is refused
     * @param jwtSecret HS256 key, at least 32 bytes; without one a random per-process key is used
     * @param tokenTtl  a token's lifetime, which is also what {@code expires_in} reports
     */
    public record Auth(String mode, String username, String password, String jwtSecret, Duration tokenTtl) {

        public Auth {
            mode = mode == null || mode.isBlank() ? "token" : mode.trim().toLowerCase(java.util.Locale.ROOT);
            if (!mode.equals("token") && !mode.equals("proxy")) {
                throw new IllegalArgumentException("DASHBOARD_AUTH must be 'token' or 'proxy', was '" + mode + "'");
            }
            username = username == null || username.isBlank() ? "admin" : username.trim();
            password = password == null || password.isEmpty() ? null : password;
            jwtSecret = jwtSecret == null || jwtSecret.isBlank() ? null : jwtSecret;
            tokenTtl = tokenTtl == null ? Duration.ofHours(24) : tokenTtl;
        }

        public boolean proxy() {
            return mode.equals("proxy");
        }
    }
}
