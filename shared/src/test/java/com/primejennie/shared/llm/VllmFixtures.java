package com.primejennie.shared.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import okhttp3.mockwebserver.MockResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic vLLM answers for MockWebServer: the body shape of vLLM 0.15 {@code /v1/chat/completions} and
 * {@code /v1/embeddings}, filled with the answers and token counts measured on the user's GPU
 * ({@code exaone-4.0-benchmark.json}, copied from shared/fixtures/vllm-benchmarks).
 */
final class VllmFixtures {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final JsonNode BENCHMARK = load("/llm/exaone-4.0-benchmark.json");
    static final String EXAONE = "LGAI-EXAONE/EXAONE-4.0-32B-AWQ";

    /** vLLM's own 400 for a prompt plus max_tokens over --max-model-len. */
    static final String OVERFLOW_BODY = "{\"object\":\"error\",\"message\":\"This model's maximum context length is "
            + "4096 tokens. However, you requested 4410 tokens (378 in the messages, 4032 in the completion). Please "
            + "reduce the length of the messages or completion.\",\"type\":\"BadRequestError\",\"param\":null,"
            + "\"code\":400}";

    static final String SENTIMENT_SCHEMA = """
            {"type":"object",
             "properties":{"score":{"type":"integer","minimum":0,"maximum":100},"reason":{"type":"string"}},
             "required":["score","reason"]}""";

    private VllmFixtures() {
    }

    private static JsonNode load(String resource) {
        try (InputStream in = VllmFixtures.class.getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single-news answer EXAONE 4.0 gave (284 prompt / 46 completion tokens), as JSON text. */
    static String singleNewsAnswer() {
        return BENCHMARK.get("single_news").get("response").toString();
    }

    static long singleNewsPromptTokens() {
        return BENCHMARK.get("single_news").get("prompt_tokens").asLong();
    }

    static long singleNewsCompletionTokens() {
        return BENCHMARK.get("single_news").get("completion_tokens").asLong();
    }

    static MockResponse chat(String content, long promptTokens, long completionTokens) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-b5e0f1c2a7d44c3f9e0f3a4d2c1b0a99");
        body.put("object", "chat.completion");
        body.put("created", 1770352596L);
        body.put("model", EXAONE);
        ArrayNode choices = body.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        message.putNull("annotations");
        message.putNull("audio");
        message.putNull("function_call");
        message.putArray("tool_calls");
        message.putNull("reasoning_content");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        choice.putNull("stop_reason");
        body.putNull("service_tier");
        body.putNull("system_fingerprint");
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.put("completion_tokens", completionTokens);
        usage.putNull("prompt_tokens_details");
        body.putNull("prompt_logprobs");
        body.putNull("kv_transfer_params");
        return json(200, body.toString());
    }

    /** The benchmark's single-news answer. */
    static MockResponse singleNews() {
        return chat(singleNewsAnswer(), singleNewsPromptTokens(), singleNewsCompletionTokens());
    }

    static MockResponse error(int status, String message, String type) {
        return json(status, MAPPER.writeValueAsString(Map.of("object", "error", "message", message, "type", type,
                "code", status)));
    }

    static MockResponse overflow() {
        return json(400, OVERFLOW_BODY);
    }

    static MockResponse embeddings(List<float[]> vectors, long promptTokens) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "embd-4c0f7d6a9b8e4f21a3c5d7e9f1b3a5c7");
        body.put("object", "list");
        body.put("created", 1770352600L);
        body.put("model", "nlpai-lab/KURE-v1");
        ArrayNode data = body.putArray("data");
        // vLLM may list them in any order; the index is what counts
        for (int i = vectors.size() - 1; i >= 0; i--) {
            ObjectNode item = data.addObject();
            item.put("index", i);
            item.put("object", "embedding");
            ArrayNode values = item.putArray("embedding");
            for (float v : vectors.get(i)) {
                values.add(v);
            }
        }
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("total_tokens", promptTokens);
        usage.put("completion_tokens", 0);
        usage.putNull("prompt_tokens_details");
        return json(200, body.toString());
    }

    static float[] vector(int dimension, float seed) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = seed + i / 10_000f;
        }
        return v;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("content-type", "application/json")
                .setBody(body);
    }

    /** Retries for tests: 1 ms backoff, no second asking after an unusable answer. */
    static LlmProperties.RetrySettings fastRetry(int attempts) {
        return fastRetry(attempts, 0);
    }

    static LlmProperties.RetrySettings fastRetry(int attempts, int answerRetries) {
        return new LlmProperties.RetrySettings(attempts, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
                answerRetries);
    }
}
