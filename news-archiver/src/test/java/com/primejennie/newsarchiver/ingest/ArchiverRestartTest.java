package com.primejennie.newsarchiver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.newsarchiver.support.ArchiverApp;
import com.primejennie.newsarchiver.support.FakeEmbeddingServer;
import com.primejennie.newsarchiver.support.NewsStream;
import com.primejennie.shared.testing.RealServices;

import tools.jackson.databind.JsonNode;

/**
 * Restarts of the real application: nothing written to the stream while it was down, nor left pending by a consumer
 * that died mid-batch, is lost; and the embedded index comes back intact without re-embedding anything.
 */
class ArchiverRestartTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    FakeEmbeddingServer embeddings;
    NewsStream stream;

    @BeforeEach
    void setUp() {
        RealServices.flushRedis();
        embeddings = new FakeEmbeddingServer();
        stream = new NewsStream();
    }

    @AfterEach
    void tearDown() {
        stream.close();
        embeddings.close();
    }

    static long registered(ArchiverApp app, String urlPrefix) {
        return JdbcClient.create(app.bean(javax.sql.DataSource.class))
                .sql("SELECT COUNT(*) FROM NEWS_ARCHIVE_DOCUMENT WHERE SOURCE_URL LIKE ?").param(urlPrefix + "%")
                .query(Long.class).single();
    }

    void publish(String prefix, int from, int to) {
        for (int i = from; i < to; i++) {
            stream.publish("[삼성전자(005930)] 재시작 시험 기사 " + i + "번, 반도체 수출 " + (i * 7) + "% 증가"
                            + " | 출처: Naver Finance | 날짜: 2026-02-10",
                    NewsStream.metadata("005930", "삼성전자", "Naver Finance", prefix + i, 1_770_681_600L + i));
        }
    }

    @Test
    void aRestartResumesWithoutLossIncludingWhatADeadConsumerLeftPending() {
        String prefix = "https://restart.test/resume/";
        Path index = dir.resolve("index");
        try (ArchiverApp first = ArchiverApp.start(index, embeddings, Map.of())) {
            publish(prefix, 0, 3);
            await().atMost(WAIT).until(() -> registered(first, prefix) == 3);
        }
        // While the service is down: more news arrives, and another archiver instance reads two entries and dies.
        publish(prefix, 3, 9);
        List<?> taken = stream.readAsDeadConsumer("archiver_crashed", 2);
        assertThat(taken).hasSize(2);
        assertThat(stream.pending()).isEqualTo(2);

        try (ArchiverApp second = ArchiverApp.start(index, embeddings, Map.of())) {
            await().atMost(WAIT).until(() -> registered(second, prefix) == 9);
            await().atMost(WAIT).until(() -> stream.pending() == 0);
            VectorStore store = second.bean(VectorStore.class);
            for (int i = 0; i < 9; i++) {
                assertThat(store.countBySourceUrl(prefix + i)).as("chunks of item %d", i).isEqualTo(1);
            }
            assertThat(stream.deadLetters()).isEmpty();
        }
    }

    @Test
    void theEmbeddedStoreSurvivesARestartOfTheServiceWithItsIndexIntact() {
        String prefix = "https://restart.test/index/";
        Path index = dir.resolve("index");
        JsonNode before;
        long chunks;
        try (ArchiverApp first = ArchiverApp.start(index, embeddings, Map.of())) {
            publish(prefix, 0, 5);
            await().atMost(WAIT).until(() -> registered(first, prefix) == 5);
            chunks = first.bean(VectorStore.class).count();
            before = first.get("/api/news/search?q=" + NewsArchiverIntegrationTest.enc("재시작 시험 기사 3번")
                    + "&code=005930&k=3").body();
        }
        int embeddedBefore = embeddings.inputs();

        try (ArchiverApp second = ArchiverApp.start(index, embeddings, Map.of())) {
            assertThat(second.bean(VectorStore.class).count()).isEqualTo(chunks);
            JsonNode after = second.get("/api/news/search?q=" + NewsArchiverIntegrationTest.enc("재시작 시험 기사 3번")
                    + "&code=005930&k=3").body();
            assertThat(after.get("results")).isEqualTo(before.get("results"));
            assertThat(after.get("results").get(0).get("metadata").get("source_url").asString())
                    .isEqualTo(prefix + 3);
            assertThat(embeddings.inputs() - embeddedBefore).as("only the query was embedded").isEqualTo(1);
        }
    }
}
