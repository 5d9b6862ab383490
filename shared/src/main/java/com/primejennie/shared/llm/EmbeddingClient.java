package com.primejennie.shared.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

/**
 * Text to vectors through vLLM's {@code /embeddings} ({@code nlpai-lab/KURE-v1}, 1024 dimensions) for the news
 * archive and RAG. Sends raw strings, never token-id arrays: [DEFECT fixed] LangChain's {@code OpenAIEmbeddings}
 * tokenised with tiktoken and sent ids of the wrong tokenizer. Input longer than the configured code-point budget
 * (a conservative stand-in for the server's 256-token limit) is rejected before sending; chunking is the caller's
 * job. Long lists are split into batches; every vector's dimension is checked.
 */
public final class EmbeddingClient implements AutoCloseable {

    private final LlmProperties.EmbeddingSettings settings;
    private final OpenAiEndpoint endpoint;
    private final LlmRetry retry;
    private final LlmUsageRecorder usage;

    public EmbeddingClient(LlmProperties properties, LlmUsageRecorder usage, JsonMapper mapper) {
        this.settings = properties.embedding();
        this.endpoint = new OpenAiEndpoint("vllm-embed", settings.url(), null, settings.timeout(), mapper);
        this.retry = new LlmRetry(properties.retry());
        this.usage = usage;
    }

    /** One vector per text, in order. */
    public List<float[]> embed(List<String> texts, String service) {
        Objects.requireNonNull(texts, "texts must not be null");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("texts must not be empty");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("texts[" + i + "] must not be blank");
            }
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints > settings.maxInputCodePoints()) {
                throw new IllegalArgumentException("texts[" + i + "] has " + codePoints
                        + " characters, over the embedding budget of " + settings.maxInputCodePoints()
                        + " (the embedding server accepts 256 tokens; split it before embedding)");
            }
        }
        String tag = new LlmOptions(LlmOptions.DEFAULT_TEMPERATURE, null, service).service();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.maxBatchSize()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + settings.maxBatchSize()));
            vectors.addAll(embedBatch(List.copyOf(batch), tag, from));
        }
        return vectors;
    }

    /** One text's vector. */
    public float[] embed(String text, String service) {
        return embed(List.of(text), service).get(0);
    }

    private List<float[]> embedBatch(List<String> batch, String service, int offset) {
        long started = System.nanoTime();
        OpenAiEndpoint.EmbeddingBatch result;
        try {
            result = retry.call(() -> endpoint.embed(settings.model(), batch));
        } catch (RuntimeException e) {
            record(service, 0, started, false);
            throw e;
        }
        if (result.vectors().size() != batch.size()) {
            record(service, result.promptTokens(), started, false);
            throw new LlmProviderException(endpoint.name(), 200, false, "sent " + batch.size()
                    + " inputs but got " + result.vectors().size() + " vectors", null);
        }
        for (int i = 0; i < result.vectors().size(); i++) {
            int dimension = result.vectors().get(i).length;
            if (dimension != settings.dimension()) {
                record(service, result.promptTokens(), started, false);
                throw new LlmProviderException(endpoint.name(), 200, false, "vector of texts[" + (offset + i)
                        + "] has dimension " + dimension + ", expected " + settings.dimension() + " for "
                        + settings.model(), null);
            }
        }
        record(service, result.promptTokens(), started, true);
        return result.vectors();
    }

    private void record(String service, long tokens, long started, boolean success) {
        usage.record(new LlmUsage(service, "EMBEDDING", endpoint.name(), settings.model(), tokens, 0,
                java.time.Duration.ofNanos(System.nanoTime() - started), success));
    }

    public int dimension() {
        return settings.dimension();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
