package com.primejennie.scoutjob.scout.support;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-compatible {@code /v1/chat/completions} over real HTTP answering the unified analyst schema, shaped
 * like the measured vLLM answers of {@code ../shared/fixtures/vllm-benchmarks} (EXAONE-4.0-32B-AWQ; a single
 * analysis took 284 prompt and 46 completion tokens). It reads the prompt's quant total and answers total + 12 with
 * a one-line Korean reason, so stocks with a decent quant score are approved. {@link #down} makes every call a 503.
 */
public final class FakeAnalystServer implements AutoCloseable {

    public static final int PROMPT_TOKENS = 284;
    public static final int COMPLETION_TOKENS = 46;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern TOTAL = Pattern.compile("총점: ([0-9.]+)");

    private final MockWebServer server = new MockWebServer();
    public final AtomicBoolean down = new AtomicBoolean();
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger sawNoNews = new AtomicInteger();

    public FakeAnalystServer() throws IOException {
        this(0);
    }

    /**
     * @param latencyMs how long each answer takes (the measured single analysis: 46 tokens at 31.5 tokens/s ≈ 1460 ms)
     */
    public FakeAnalystServer(long latencyMs) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                calls.incrementAndGet();
                if (down.get()) {
                    return new MockResponse().setResponseCode(503).setBody("{\"error\":\"vLLM is down\"}");
                }
                StringBuilder prompt = new StringBuilder();
                for (var message : MAPPER.readTree(request.getBody().readUtf8()).path("messages")) {
                    prompt.append(message.path("content").asString("")).append('\n');
                }
                String body = prompt.toString();
                if (body.contains("뉴스 검색 서비스를 사용할 수 없어")) {
                    sawNoNews.incrementAndGet();
                }
                if (body.contains("전략 회고")) {
                    return chat("1. 거래량 없는 돌파 신호는 점수를 올리지 말 것. 2. BEAR 국면에서는 보수적으로 판단할 것.");
                }
                Matcher m = TOTAL.matcher(body);
                double total = m.find() ? Double.parseDouble(m.group(1)) : 50;
                int score = (int) Math.min(100, Math.round(total) + 12);
                String grade = score >= 80 ? "S" : score >= 70 ? "A" : score >= 60 ? "B" : score >= 50 ? "C" : "D";
                if (latencyMs > 0) {
                    try {
                        Thread.sleep(latencyMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return chat("{\"score\": " + score + ", \"grade\": \"" + grade
                        + "\", \"reason\": \"HBM 수요 확대와 수주 증가로 실적 개선이 기대된다\"}");
            }
        });
        server.start();
    }

    /** The base URL to configure as {@code jennie.llm.vllm-url}. */
    public String url() {
        return server.url("/v1").toString();
    }

    private static MockResponse chat(String content) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-fake");
        body.put("object", "chat.completion");
        body.put("created", 1770352596L);
        body.put("model", "LGAI-EXAONE/EXAONE-4.0-32B-AWQ");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", "stop");
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", PROMPT_TOKENS);
        usage.put("completion_tokens", COMPLETION_TOKENS);
        usage.put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
