package com.primejennie.dashboard.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * scheduler-service's job API at the HTTP level (the console's only outside party besides Redis and MariaDB): two
 * jobs on {@code GET /jobs}, and every {@code POST /jobs/{id}/{action}} recorded.
 */
final class FakeScheduler implements AutoCloseable {

    static final String JOBS = "[{\"job_id\":\"scout-job\",\"queue\":\"scout\",\"cron_expr\":\"20 8 * * 1-5\","
            + "\"enabled\":true,\"next_due_at\":\"2026-03-05T08:20:00\",\"last_run_at\":\"2026-03-04T08:20:00\","
            + "\"last_status\":\"SUCCEEDED\",\"description\":\"hot watchlist\"},"
            + "{\"job_id\":\"daily-briefing\",\"queue\":\"data\",\"cron_expr\":\"40 15 * * 1-5\",\"enabled\":false,"
            + "\"next_due_at\":null,\"last_run_at\":null,\"last_status\":null,\"description\":\"briefing\"}]";

    final List<String> posts = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeScheduler() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jobs", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = "{}";
        if (x.getRequestMethod().equals("GET") && x.getRequestURI().getPath().equals("/jobs")) {
            body = JOBS;
        } else if (x.getRequestMethod().equals("POST")) {
            posts.add(x.getRequestURI().getPath());
            body = "{\"job_id\":\"" + x.getRequestURI().getPath().split("/")[2] + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
