package com.primejennie.commandhandler.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The other services as the bot sees them over HTTP: the buy-executor's {@code POST /reconcile/adopt} (recording body
 * and token, answering an AdoptResult, 401 without the right token) and an {@code /actuator/health} that says UP.
 */
public final class FakeSuiteServices implements AutoCloseable {

    /** One adopt call. */
    public record AdoptCall(String body, String token) {
    }

    private final HttpServer server;
    private final String token;
    private final List<AdoptCall> adopts = new CopyOnWriteArrayList<>();

    public FakeSuiteServices(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", ex -> answer(ex, 200,
                "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"},\"redis\":{\"status\":\"UP\"}}}"));
        server.createContext("/reconcile/adopt", this::adopt);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<AdoptCall> adopts() {
        return List.copyOf(adopts);
    }

    public void reset() {
        adopts.clear();
    }

    private void adopt(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String given = ex.getRequestHeaders().getFirst("X-Internal-Token");
        adopts.add(new AdoptCall(body, given));
        if (!token.equals(given)) {
            answer(ex, 401, "{\"status\":\"error\",\"reason\":\"missing or wrong internal token (X-Internal-Token)\"}");
            return;
        }
        String code = body.replaceAll(".*\"code\"\\s*:\\s*\"([0-9A-Z]{6})\".*", "$1");
        answer(ex, 200, "{\"code\":\"" + code + "\",\"previousQuantity\":0,\"adoptedQuantity\":12,"
                + "\"averagePrice\":70500.00}");
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
