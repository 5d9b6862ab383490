package com.primejennie.dashboard.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The dashboard's outside HTTP parties over real HTTP: scheduler-service's job API (recorded shapes of its JobView),
 * a healthy service's actuator health. Records each request as "METHOD path body".
 */
public final class FakeHttpParty {

    public static final String JOB_JSON = """
            {"job_id":"scout-daily","scope":"real","reschedule_mode":"scheduler","interval_seconds":null,\
            "description":"Scout 일일 실행","queue":"scout","cron_expr":"30 8 * * 1-5","enabled":true,\
            "max_parallel":1,"default_params":{},"timeout_sec":3600,"retry_limit":1,"telemetry_label":null,\
            "created_at":"2026-12-01T08:00:00","updated_at":"2026-12-01T08:00:00","next_due_at":"2026-12-02T08:30:00",\
            "last_run_at":"2026-12-01T08:30:00","last_status":"SUCCESS","last_error":null,"trading_days_only":true,\
            "missed_fire_policy":"SKIP","stream":"stream:jobs:scout"}""";
    public static final String PAUSED_JOB_JSON = """
            {"job_id":"weekly-factor","scope":"real","reschedule_mode":"scheduler","interval_seconds":3600,\
            "description":"paused","queue":"factor","cron_expr":null,"enabled":false,"max_parallel":1,\
            "default_params":{},"timeout_sec":120,"retry_limit":1,"telemetry_label":null,"created_at":null,\
            "updated_at":null,"next_due_at":null,"last_run_at":null,"last_status":null,"last_error":null,\
            "trading_days_only":false,"missed_fire_policy":"SKIP","stream":"stream:jobs:factor"}""";

    private static FakeHttpParty instance;

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private FakeHttpParty() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized FakeHttpParty get() {
        if (instance == null) {
            try {
                instance = new FakeHttpParty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path + " " + body);
        if (path.equals("/actuator/health")) {
            reply(exchange, 200, "{\"status\":\"UP\"}");
        } else if (path.equals("/health")) {
            reply(exchange, 200, "{\"status\":\"ok\",\"scope\":\"real\"}");
        } else if (path.equals("/jobs") && method.equals("GET")) {
            reply(exchange, 200, "[" + JOB_JSON + "," + PAUSED_JOB_JSON + "]");
        } else if (path.equals("/jobs/scout-daily/run") && method.equals("POST")) {
            reply(exchange, 200, "{\"message_id\":\"1764600000000-0\",\"run_id\":\"run-1\",\"stream\":"
                    + "\"stream:jobs:scout\",\"delayed_until\":null,\"job\":" + JOB_JSON + "}");
        } else if (path.matches("/jobs/scout-daily/(pause|resume)") || (path.equals("/jobs/scout-daily")
                && method.equals("PUT"))) {
            reply(exchange, 200, JOB_JSON);
        } else if (path.startsWith("/jobs/")) {
            reply(exchange, 404, "{\"detail\":\"Job not found\"}");
        } else {
            reply(exchange, 404, "{\"detail\":\"no such path\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
