package com.primejennie.e2e.tradingday;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

import com.primejennie.shared.domain.WireJson;

/**
 * The two external HTTP parties the suite talks to, faked at the HTTP level only (real sockets, real JSON): the
 * Telegram Bot API (records every {@code sendMessage}, answers {@code getUpdates} with nothing) and an
 * OpenAI-compatible LLM server: embeddings of the dimension KURE gives, and chat completions that answer the scout's
 * unified analyst in its schema ({@code {"score", "grade", "reason"}}, shaped like the measured vLLM answers of
 * {@code ../shared/fixtures/vllm-benchmarks}: EXAONE-4.0-32B-AWQ, 284 prompt and 46 completion tokens) as a calibrator
 * that finds good news: the prompt's quant total ({@code 총점}) + 12, within the ±15 the prompt allows, so stocks
 * with a decent quant score are approved. Any other chat gets a plain JSON answer.
 */
final class FakeHttpParties implements AutoCloseable {

    private static final tools.jackson.databind.ObjectMapper JSON = WireJson.mapper();

    private final HttpServer telegram;
    private final HttpServer openAi;
    private final List<String> telegramTexts = new CopyOnWriteArrayList<>();
    private final AtomicLong llmCalls = new AtomicLong();
    private final AtomicLong analystCalls = new AtomicLong();
    private static final Pattern QUANT_TOTAL = Pattern.compile("총점: ([0-9.]+)");

    FakeHttpParties() throws IOException {
        telegram = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        telegram.createContext("/", this::telegram);
        telegram.setExecutor(Executors.newFixedThreadPool(2));
        telegram.start();
        openAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        openAi.createContext("/", this::openAi);
        openAi.setExecutor(Executors.newFixedThreadPool(2));
        openAi.start();
    }

    String telegramUrl() {
        return "http://127.0.0.1:" + telegram.getAddress().getPort();
    }

    /** Base URL with {@code /v1}, as VLLM_LLM_URL and the TIER_*_API_BASE take it. */
    String openAiUrl() {
        return "http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1";
    }

    List<String> telegramTexts() {
        return List.copyOf(telegramTexts);
    }

    long llmCalls() {
        return llmCalls.get();
    }

    /** Chat completions that carried the scout analyst's prompt. */
    long analystCalls() {
        return analystCalls.get();
    }

    private void telegram(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/sendMessage")) {
            JsonNode request = JSON.readTree(body);
            telegramTexts.add(request.path("text").asString());
            answer(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + telegramTexts.size() + "}}");
        } else if (path.endsWith("/getUpdates")) {
            answer(exchange, 200, "{\"ok\":true,\"result\":[]}");
        } else if (path.endsWith("/getMe")) {
            answer(exchange, 200, "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"username\":\"jennie_e2e_bot\"}}");
        } else {
            answer(exchange, 200, "{\"ok\":true,\"result\":true}");
        }
    }

    private void openAi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        llmCalls.incrementAndGet();
        if (path.endsWith("/chat/completions")) {
            StringBuilder prompt = new StringBuilder();
            for (JsonNode message : JSON.readTree(body).path("messages")) {
                prompt.append(message.path("content").asString("")).append('\n');
            }
            Matcher total = QUANT_TOTAL.matcher(prompt);
            String content;
            if (total.find()) {
                analystCalls.incrementAndGet();
                int score = (int) Math.min(100, Math.round(Double.parseDouble(total.group(1))) + 12);
                String grade = score >= 80 ? "S" : score >= 70 ? "A" : score >= 60 ? "B" : score >= 50 ? "C" : "D";
                content = "{\"score\": " + score + ", \"grade\": \"" + grade
                        + "\", \"reason\": \"HBM 수요 확대와 수주 증가로 실적 개선이 기대된다\"}";
            } else {
                content = "{\"score\": 60, \"grade\": \"B\", \"reason\": \"특이 사항 없음\"}";
            }
            answer(exchange, 200, "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1770352596,"
                    + "\"model\":\"LGAI-EXAONE/EXAONE-4.0-32B-AWQ\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(content) + "}}],"
                    + "\"usage\":{\"prompt_tokens\":284,\"completion_tokens\":46,\"total_tokens\":330}}");
        } else if (path.endsWith("/embeddings")) {
            StringBuilder vector = new StringBuilder("[");
            for (int i = 0; i < 1024; i++) {
                vector.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "0.1" : "0.0");
            }
            vector.append(']');
            answer(exchange, 200, "{\"object\":\"list\",\"model\":\"nlpai-lab/KURE-v1\",\"data\":[{\"object\":"
                    + "\"embedding\",\"index\":0,\"embedding\":" + vector + "}],\"usage\":{\"prompt_tokens\":1,"
                    + "\"total_tokens\":1}}");
        } else if (path.endsWith("/models")) {
            answer(exchange, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"mock-model\",\"object\":\"model\"}]}");
        } else {
            answer(exchange, 404, "{\"error\":{\"message\":\"unknown path " + path + "\"}}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        telegram.stop(0);
        openAi.stop(0);
    }
}
