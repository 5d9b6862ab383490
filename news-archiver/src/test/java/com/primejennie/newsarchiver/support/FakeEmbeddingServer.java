package com.primejennie.newsarchiver.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vLLM {@code /v1/embeddings} over real HTTP (MockWebServer) answering KURE-v1-shaped 1024-dim vectors from
 * {@link BigramVectors}. It can be told to fail: the next {@code n} calls, or every call, with an HTTP status.
 */
public final class FakeEmbeddingServer implements AutoCloseable {

    public static final int DIMENSION = 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inputs = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 0;
    private volatile boolean failAlways;

    public FakeEmbeddingServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL to configure as {@code jennie.llm.embedding.url} ({@code …/v1}). */
    public String url() {
        return server.url("/v1").toString();
    }

    public int calls() {
        return calls.get();
    }

    /** Texts embedded so far. */
    public int inputs() {
        return inputs.get();
    }

    /** The next {@code n} calls answer {@code status}. */
    public void failNext(int n, int status) {
        failStatus = status;
        failNext.set(n);
    }

    /** Every call answers {@code status} until {@link #recover()}. */
    public void failAlways(int status) {
        failStatus = status;
        failAlways = true;
    }

    public void recover() {
        failAlways = false;
        failNext.set(0);
    }

    private MockResponse answer(RecordedRequest request) {
        calls.incrementAndGet();
        if (failAlways || failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return new MockResponse().setResponseCode(failStatus).setHeader("Content-Type", "application/json")
                    .setBody("{\"object\":\"error\",\"message\":\"fake failure\",\"type\":\"BadRequestError\","
                            + "\"code\":" + failStatus + "}");
        }
        JsonNode body = MAPPER.readTree(request.getBody().readUtf8());
        List<String> texts = new ArrayList<>();
        JsonNode input = body.get("input");
        if (input.isArray()) {
            input.forEach(n -> texts.add(n.asString()));
        } else {
            texts.add(input.asString());
        }
        inputs.addAndGet(texts.size());
        ObjectNode answer = MAPPER.createObjectNode();
        answer.put("id", "embd-fake");
        answer.put("object", "list");
        answer.put("created", 1770352600L);
        answer.put("model", "nlpai-lab/KURE-v1");
        ArrayNode data = answer.putArray("data");
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("index", i);
            item.put("object", "embedding");
            ArrayNode values = item.putArray("embedding");
            for (float v : BigramVectors.of(texts.get(i), DIMENSION)) {
                values.add(v);
            }
            tokens += texts.get(i).length();
        }
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        usage.put("completion_tokens", 0);
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(answer.toString());
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
