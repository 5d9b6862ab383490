package com.primejennie.commandhandler.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.primejennie.shared.domain.WireJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A Telegram Bot API server over real HTTP for the bot's tests: {@code POST /bot<token>/getUpdates} answers the queued
 * updates whose id is at least the given offset (and forgets those below it, as Telegram confirms them), with the
 * Bot API's JSON; {@code POST /bot<token>/sendMessage} records the message and answers the sent Message. A wrong
 * token gets Telegram's 401. It can refuse the next HTML message with Telegram's "can't parse entities" 400.
 */
public final class FakeTelegram implements AutoCloseable {

    /** One message the bot sent. */
    public record Sent(String chatId, String text, String parseMode) {
    }

    private final HttpServer server;
    private final String token;
    private final List<JsonNode> pending = new ArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Long> offsets = new CopyOnWriteArrayList<>();
    private final AtomicLong nextUpdateId = new AtomicLong(700_000_000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final AtomicInteger refuseHtml = new AtomicInteger();

    public FakeTelegram(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a text message from {@code chatId} (a private chat with user {@code username}); returns its update id. */
    public synchronized long userSays(long chatId, String username, String text) {
        long id = nextUpdateId.incrementAndGet();
        int messageId = nextMessageId.incrementAndGet();
        String entities = text.startsWith("/") ? ",\"entities\":[{\"offset\":0,\"length\":"
                + text.split("\\s+")[0].length() + ",\"type\":\"bot_command\"}]" : "";
        String json = """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Jennie",\
                "username":"%s","language_code":"ko"},"chat":{"id":%d,"first_name":"Jennie","username":"%s",\
                "type":"private"},"date":1770858000,"text":%s%s}}""".formatted(id, messageId, chatId, username,
                chatId, username, WireJson.mapper().writeValueAsString(text), entities);
        pending.add(WireJson.mapper().readTree(json));
        return id;
    }

    /** Queues an edited message (not asked for; Telegram would not send it, the bot must skip it anyway). */
    public synchronized void queueRaw(String updateJson) {
        pending.add(WireJson.mapper().readTree(updateJson));
    }

    /** The next {@code n} HTML messages are refused with "can't parse entities". */
    public void refuseNextHtml(int n) {
        refuseHtml.set(n);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId().equals(String.valueOf(chatId))).toList();
    }

    public List<Long> offsetsAsked() {
        return List.copyOf(offsets);
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    public synchronized void reset() {
        pending.clear();
        sent.clear();
        offsets.clear();
        refuseHtml.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!path.startsWith("/bot" + token + "/")) {
            answer(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = path.substring(("/bot" + token + "/").length());
        JsonNode request = body.isBlank() ? WireJson.mapper().createObjectNode() : WireJson.mapper().readTree(body);
        switch (method) {
            case "getUpdates" -> answer(exchange, 200, getUpdates(request));
            case "sendMessage" -> sendMessage(exchange, request);
            default -> answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private synchronized String getUpdates(JsonNode request) {
        long offset = request.path("offset").asLong(0);
        offsets.add(offset);
        if (offset > 0) {
            pending.removeIf(u -> u.path("update_id").asLong() < offset);
        }
        StringBuilder sb = new StringBuilder("{\"ok\":true,\"result\":[");
        for (int i = 0; i < pending.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(pending.get(i).toString());
        }
        return sb.append("]}").toString();
    }

    private void sendMessage(HttpExchange exchange, JsonNode request) throws IOException {
        String chatId = request.path("chat_id").asString();
        String text = request.path("text").asString("");
        String mode = request.path("parse_mode").isMissingNode() ? null : request.path("parse_mode").asString();
        if (text.isEmpty()) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is empty\"}");
            return;
        }
        if (text.length() > 4096) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is too long\"}");
            return;
        }
        if ("HTML".equals(mode) && refuseHtml.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse "
                    + "entities: Unsupported start tag \\\"x\\\" at byte offset 3\"}");
            return;
        }
        sent.add(new Sent(chatId, text, mode));
        answer(exchange, 200, """
                {"ok":true,"result":{"message_id":%d,"from":{"id":7000000001,"is_bot":true,"first_name":"PrimeJennie",\
                "username":"prime_jennie_bot"},"chat":{"id":%s,"first_name":"Jennie","type":"private"},\
                "date":1770858001,"text":%s}}""".formatted(nextMessageId.incrementAndGet(), chatId,
                WireJson.mapper().writeValueAsString(text)));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** For tests that want the raw map of a sent message. */
    public static Map<String, String> asMap(Sent s) {
        return Map.of("chat_id", s.chatId(), "text", s.text());
    }
}
