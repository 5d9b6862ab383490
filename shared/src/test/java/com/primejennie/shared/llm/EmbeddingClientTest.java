package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;

/** Embeddings against a fake vLLM {@code /v1/embeddings} serving KURE-v1. */
class EmbeddingClientTest {

    private final MockWebServer server = new MockWebServer();
    private final List<LlmUsage> usages = new CopyOnWriteArrayList<>();
    private EmbeddingClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = client(1024, 250, 32);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private EmbeddingClient client(int dimension, int budget, int batch) {
        LlmProperties properties = new LlmProperties(null, null, null, null, null, null, VllmFixtures.fastRetry(2),
                new LlmProperties.EmbeddingSettings(server.url("/v1").toString(), null, dimension, budget, batch,
                        null));
        return new EmbeddingClient(properties, usages::add, VllmFixtures.MAPPER);
    }

    private JsonNode body(RecordedRequest request) {
        return VllmFixtures.MAPPER.readTree(request.getBody().readUtf8());
    }

    @Test
    @DisplayName("[DEFECT fixed] raw strings are sent, never token-id arrays of the wrong (tiktoken) tokenizer")
    void sendsABatchOfRawStringsAndReturnsVectorsInInputOrder() throws Exception {
        server.enqueue(VllmFixtures.embeddings(List.of(VllmFixtures.vector(1024, 0.1f),
                VllmFixtures.vector(1024, 0.2f)), 41));
        List<String> texts = List.of("삼성전자, HBM4 양산 돌입", "카카오 개인정보 유출 사고");

        List<float[]> vectors = client.embed(texts, "news_archiver");

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).hasSize(1024);
        assertThat(vectors.get(0)[0]).isEqualTo(0.1f);
        assertThat(vectors.get(1)[0]).isEqualTo(0.2f);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/v1/embeddings");
        assertThat(request.getHeader("Authorization")).isNull();
        JsonNode body = body(request);
        assertThat(body.get("model").asString()).isEqualTo("nlpai-lab/KURE-v1");
        assertThat(body.get("input").isArray()).isTrue();
        assertThat(body.get("input").get(0).isString()).as("raw text, never token ids").isTrue();
        assertThat(body.get("input").get(0).asString()).isEqualTo("삼성전자, HBM4 양산 돌입");
        assertThat(body.get("input").get(1).asString()).isEqualTo("카카오 개인정보 유출 사고");
        assertThat(body.get("encoding_format").asString()).isEqualTo("float");
        assertThat(usages).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo("EMBEDDING");
            assertThat(u.service()).isEqualTo("news_archiver");
            assertThat(u.tokensIn()).isEqualTo(41);
        });
    }

    @Test
    void splitsLongListsIntoBatches() throws Exception {
        EmbeddingClient small = client(4, 250, 2);
        server.enqueue(VllmFixtures.embeddings(List.of(VllmFixtures.vector(4, 1), VllmFixtures.vector(4, 2)), 8));
        server.enqueue(VllmFixtures.embeddings(List.of(VllmFixtures.vector(4, 3)), 4));

        List<float[]> vectors = small.embed(List.of("하나", "둘", "셋"), null);

        assertThat(vectors).extracting(v -> v[0]).containsExactly(1f, 2f, 3f);
        assertThat(body(server.takeRequest()).get("input")).hasSize(2);
        assertThat(body(server.takeRequest()).get("input")).hasSize(1);
        small.close();
    }

    @Test
    void rejectsAVectorOfTheWrongDimension() {
        server.enqueue(VllmFixtures.embeddings(List.of(VllmFixtures.vector(768, 0.1f)), 10));

        assertThatThrownBy(() -> client.embed("삼성전자", "scout"))
                .isInstanceOf(LlmProviderException.class)
                .hasMessageContaining("dimension 768, expected 1024");
    }

    @Test
    void rejectsInputOverTheBudgetBeforeSending() {
        String chunk = "가".repeat(251);

        assertThatThrownBy(() -> client.embed(List.of("짧은 글", chunk), "news_archiver"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("texts[1] has 251 characters, over the embedding budget of 250");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void budgetCountsCodePointsSoEmojiDoNotCountTwice() throws Exception {
        server.enqueue(VllmFixtures.embeddings(List.of(VllmFixtures.vector(1024, 0.3f)), 250));

        assertThat(client.embed("🚀".repeat(250), null)).hasSize(1024);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> client.embed(List.of(), null)).hasMessage("texts must not be empty");
        assertThatThrownBy(() -> client.embed(List.of("a", " "), null)).hasMessage("texts[1] must not be blank");
    }

    @Test
    void retriesAServerErrorOfTheEmbeddingServer() {
        server.enqueue(VllmFixtures.error(503, "Service Unavailable", "ServiceUnavailableError"));
        server.enqueue(VllmFixtures.embeddings(List.of(VllmFixtures.vector(1024, 0.5f)), 5));

        assertThat(client.embed("재시도", null)[0]).isEqualTo(0.5f);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
