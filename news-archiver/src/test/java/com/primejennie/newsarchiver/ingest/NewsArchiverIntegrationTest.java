package com.primejennie.newsarchiver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.chunking.TextChunker;
import com.primejennie.newsarchiver.store.SearchFilter;
import com.primejennie.newsarchiver.store.SearchHit;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.newsarchiver.support.ArchiverApp;
import com.primejennie.newsarchiver.support.BigramVectors;
import com.primejennie.newsarchiver.support.FakeEmbeddingServer;
import com.primejennie.newsarchiver.support.NewsStream;
import com.primejennie.shared.testing.RealServices;

import io.lettuce.core.StreamMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The running archiver against a real Redis and MariaDB and a fake embeddings server over real HTTP: stream entries
 * written as the Python collector writes them become chunks in the embedded store, are found by the search API, and
 * bad ones end in the dead-letter stream.
 */
class NewsArchiverIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static FakeEmbeddingServer embeddings;
    static ArchiverApp app;
    static NewsStream stream;

    @BeforeAll
    static void startApp() {
        RealServices.flushRedis();
        embeddings = new FakeEmbeddingServer();
        app = ArchiverApp.start(dir.resolve("index"), embeddings, Map.of());
        stream = new NewsStream();
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
        if (stream != null) {
            stream.close();
        }
        if (embeddings != null) {
            embeddings.close();
        }
    }

    static VectorStore store() {
        return app.bean(VectorStore.class);
    }

    static JdbcClient jdbc() {
        return JdbcClient.create(app.bean(javax.sql.DataSource.class));
    }

    static long registered(String url) {
        return jdbc().sql("SELECT COUNT(*) FROM NEWS_ARCHIVE_DOCUMENT WHERE SOURCE_URL = ?").param(url)
                .query(Long.class).single();
    }

    static String article() {
        String p1 = "삼성전자가 올해 2분기 연결 기준 영업이익이 10조 4천억 원으로 잠정 집계됐다고 밝혔다. "
                + "메모리 반도체 가격 상승과 고대역폭메모리(HBM) 판매 확대가 실적을 이끌었다. "
                + "증권가는 하반기에도 서버용 D램 수요가 견조할 것으로 내다봤다.";
        String p2 = "다만 파운드리 사업부는 여전히 적자를 이어갔다. 회사는 2나노 공정 수율 개선과 "
                + "북미 고객사 확보에 주력하겠다고 설명했다. 업계에서는 연말까지 흑자 전환이 쉽지 않을 것이라는 "
                + "전망도 나온다.";
        String p3 = "외국인 투자자들은 실적 발표 이후 삼성전자 주식을 사흘 연속 순매수했다. "
                + "코스피 시가총액 비중도 다시 20%를 넘어섰다. 전문가들은 환율과 미국 금리 경로가 "
                + "주가의 변수가 될 것이라고 분석했다.";
        return (p1 + " " + p1 + "\n\n" + p2 + " " + p2 + "\n\n" + p3 + " " + p3);
    }

    @Test
    void aNewsMessageBecomesChunksInTheStoreWithItsMetadataUnchanged() {
        String url = "https://news.test/chunks/1";
        ObjectNode metadata = NewsStream.metadata("005930", "삼성전자", "Naver Finance", url, 1_770_700_000L);
        metadata.put("collector_note", "kept as it is");
        int expected = app.bean(TextChunker.class).split(article()).size();
        assertThat(expected).isGreaterThanOrEqualTo(3);

        stream.publish(article(), metadata);

        await().atMost(WAIT).until(() -> registered(url) == 1);
        assertThat(store().countBySourceUrl(url)).isEqualTo(expected);
        assertThat(jdbc().sql("SELECT CHUNKS FROM NEWS_ARCHIVE_DOCUMENT WHERE SOURCE_URL = ?").param(url)
                .query(Integer.class).single()).isEqualTo(expected);
        List<SearchHit> hits = store().search(BigramVectors.of("파운드리 2나노 공정 수율", 1024), expected,
                SearchFilter.stock("005930"));
        assertThat(hits).filteredOn(h -> url.equals(h.chunk().sourceUrl())).hasSize(expected)
                .allSatisfy(h -> {
                    assertThat(h.chunk().metadata().toString()).isEqualTo(metadata.toString());
                    assertThat(h.chunk().pageContent().codePointCount(0, h.chunk().pageContent().length()))
                            .isLessThanOrEqualTo(250);
                });
        assertThat(hits.get(0).chunk().pageContent()).contains("파운드리");
        await().atMost(WAIT).until(() -> stream.pending() == 0);
    }

    @Test
    void aDuplicateAddsNothing() {
        String url = "https://news.test/dup/1";
        String text = "[카카오(035720)] 카카오, 신규 AI 서비스 공개 | 출처: Naver Finance | 날짜: 2026-02-10";
        stream.publish(text, NewsStream.metadata("035720", "카카오", "Naver Finance", url, 1_770_690_000L));
        await().atMost(WAIT).until(() -> registered(url) == 1);
        long chunks = store().count();
        int embedded = embeddings.inputs();

        stream.publish(text + " (재전송)", NewsStream.metadata("035720", "카카오", "Naver Finance", url,
                1_770_690_000L));
        String generalText = "[시장뉴스] 코스닥 기관 매도세 지속 | 출처: Hankyung (Finance) | 날짜: 2026-02-10";
        ObjectNode noUrl = NewsStream.metadata(null, null, "Hankyung (Finance)", null, 1_770_690_000L);
        stream.publish(generalText, noUrl);
        stream.publish(generalText, noUrl);
        String marker = "https://news.test/dup/marker";
        stream.publish("[시장뉴스] 표식 | 출처: x | 날짜: 2026-02-10", NewsStream.metadata(null, null, "x", marker, 1L));
        await().atMost(WAIT).until(() -> registered(marker) == 1);

        assertThat(registered(url)).isEqualTo(1);
        assertThat(store().countBySourceUrl(url)).isEqualTo(1);
        // the second copy of each was not embedded: one new text for the URL-less item, one for the marker
        assertThat(embeddings.inputs()).isEqualTo(embedded + 2);
        assertThat(store().count()).isEqualTo(chunks + 2);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM NEWS_ARCHIVE_DOCUMENT WHERE PAGE_CONTENT = ?").param(generalText)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void searchReturnsTheRightChunkFirstAndHonoursTheCodeAndDateFilters() {
        long feb1 = 1_769_904_000L;   // 2026-02-01T00:00:00Z
        long feb10 = 1_770_681_600L;  // 2026-02-10T00:00:00Z
        stream.publish("[SK하이닉스(000660)] SK하이닉스, 엔비디아와 HBM4 공급 계약 체결 | 출처: Naver Finance | 날짜: 2026-02-10",
                NewsStream.metadata("000660", "SK하이닉스", "Naver Finance", "https://news.test/s/1", feb10));
        stream.publish("[삼성전자(005930)] 삼성전자, HBM4 공급 계약 협상 난항 | 출처: Naver Finance | 날짜: 2026-02-01",
                NewsStream.metadata("005930", "삼성전자", "Naver Finance", "https://news.test/s/2", feb1));
        stream.publish("[삼성전자(005930)] 삼성전자, 갤럭시 신제품 판매 호조 | 출처: Naver Finance | 날짜: 2026-02-10",
                NewsStream.metadata("005930", "삼성전자", "Naver Finance", "https://news.test/s/3", feb10));
        stream.publish("[현대차(005380)] 현대차, 미국 관세 영향 제한적 | 출처: Naver Finance | 날짜: 2026-02-10",
                NewsStream.metadata("005380", "현대차", "Naver Finance", "https://news.test/s/4", feb10));
        await().atMost(WAIT).until(() -> registered("https://news.test/s/4") == 1
                && registered("https://news.test/s/1") == 1);

        JsonNode any = app.get("/api/news/search?q=" + enc("HBM4 공급 계약 체결") + "&k=3").body();
        assertThat(any.get("results").get(0).get("metadata").get("source_url").asString())
                .isEqualTo("https://news.test/s/1");
        assertThat(any.get("results").get(0).get("page_content").asString()).contains("엔비디아");
        assertThat(any.get("results").get(0).get("score").asDouble())
                .isGreaterThan(any.get("results").get(1).get("score").asDouble());

        JsonNode samsung = app.get("/api/news/search?q=" + enc("HBM4 공급 계약 체결") + "&code=005930&k=5").body();
        assertThat(samsung.get("results")).isNotEmpty().allSatisfy(r ->
                assertThat(r.get("metadata").get("stock_code").asString()).isEqualTo("005930"));
        assertThat(samsung.get("results").get(0).get("metadata").get("source_url").asString())
                .isEqualTo("https://news.test/s/2");

        JsonNode recent = app.get("/api/news/search?q=" + enc("HBM4 공급 계약 체결") + "&code=005930&since="
                + "2026-02-05&k=5").body();
        assertThat(recent.get("since").asLong()).isEqualTo(1_770_217_200L); // 2026-02-05 00:00 KST
        assertThat(recent.get("results")).extracting(r -> r.get("metadata").get("source_url").asString())
                .contains("https://news.test/s/3").doesNotContain("https://news.test/s/2");
        assertThat(recent.get("results")).allSatisfy(r -> {
            assertThat(r.get("metadata").get("stock_code").asString()).isEqualTo("005930");
            assertThat(r.get("metadata").get("created_at_utc").asLong()).isGreaterThanOrEqualTo(1_770_217_200L);
        });
    }

    @Test
    void badSearchParametersAreRefusedWithTheReason() {
        ArchiverApp.Answer noQuery = app.get("/api/news/search?q=");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.body().get("error").asString()).contains("q");
        ArchiverApp.Answer badSince = app.get("/api/news/search?q=a&since=yesterday");
        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.body().get("error").asString()).contains("since").contains("yesterday");
        assertThat(app.get("/api/news/search?q=a&k=500").status()).isEqualTo(400);
        assertThat(app.get("/api/news/search?q=a&code=5930").status()).isEqualTo(400);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterStream() {
        int before = stream.deadLetters().size();
        String badMetadata = stream.publishRaw("[삼성전자(005930)] 깨진 메타데이터", "{\"stock_code\": \"005930\",");
        String noContent = stream.publishRaw(null, "{\"stock_code\": \"005930\"}");
        String notAnObject = stream.publishRaw("[시장뉴스] 배열 메타데이터", "[1, 2]");

        await().atMost(WAIT).until(() -> stream.deadLetters().size() >= before + 3);
        List<StreamMessage<String, String>> dead = stream.deadLetters().subList(before, before + 3);
        assertThat(dead).extracting(m -> m.getBody().get("original_id"))
                .containsExactlyInAnyOrder(badMetadata, noContent, notAnObject);
        assertThat(dead).allSatisfy(m -> assertThat(m.getBody().get("reason")).isEqualTo("unparseable"));
        assertThat(dead).filteredOn(m -> m.getBody().get("original_id").equals(badMetadata))
                .allSatisfy(m -> assertThat(m.getBody().get("error")).contains("metadata is not JSON"));
        await().atMost(WAIT).until(() -> stream.pending() == 0);
    }

    @Test
    void aFailingItemIsRetriedThenDeadLetteredWithItsReason() {
        int before = stream.deadLetters().size();
        embeddings.failAlways(400);
        try {
            int calls = embeddings.calls();
            String id = stream.publish("[LG전자(066570)] 임베딩 서버가 거절하는 기사",
                    NewsStream.metadata("066570", "LG전자", "Naver Finance", "https://news.test/retry/1", 1L));
            await().atMost(WAIT).until(() -> stream.deadLetters().size() > before);
            StreamMessage<String, String> dead = stream.deadLetters().get(before);
            assertThat(dead.getBody()).containsEntry("original_id", id).containsEntry("reason", "handler-failed");
            assertThat(embeddings.calls() - calls).as("one call per attempt, max-attempts 3").isEqualTo(3);
            assertThat(registered("https://news.test/retry/1")).isZero();
        } finally {
            embeddings.recover();
        }
    }

    @Test
    void aTransientEmbeddingFailureIsRetriedAndTheItemArchived() {
        int before = stream.deadLetters().size();
        embeddings.failNext(1, 400);
        stream.publish("[LG전자(066570)] 한 번 실패 후 성공하는 기사",
                NewsStream.metadata("066570", "LG전자", "Naver Finance", "https://news.test/retry/2", 1L));
        await().atMost(WAIT).until(() -> registered("https://news.test/retry/2") == 1);
        assertThat(stream.deadLetters()).hasSize(before);
    }

    @Test
    void statsCountDocumentsChunksAndSources() {
        String url = "https://news.test/stats/1";
        stream.publish("[네이버(035420)] 네이버 통계 확인용 기사 | 출처: Stats Source | 날짜: 2026-02-10",
                NewsStream.metadata("035420", "네이버", "Stats Source", url, 1_770_681_600L));
        await().atMost(WAIT).until(() -> registered(url) == 1);

        JsonNode stats = app.get("/api/news/stats").body();
        long documents = jdbc().sql("SELECT COUNT(*) FROM NEWS_ARCHIVE_DOCUMENT").query(Long.class).single();
        assertThat(stats.get("store").asString()).isEqualTo("lucene");
        assertThat(stats.get("documents").asLong()).isEqualTo(documents);
        assertThat(stats.get("store_chunks").asLong()).isEqualTo(store().count());
        assertThat(stats.get("last_ingest_at").asString()).isNotBlank();
        assertThat(stats.get("per_source")).anySatisfy(s -> {
            assertThat(s.get("source").asString()).isEqualTo("Stats Source");
            assertThat(s.get("documents").asLong()).isEqualTo(1);
            assertThat(s.get("chunks").asLong()).isEqualTo(1);
        });
    }

    @Test
    void reindexReEmbedsEveryStoredChunkFromItsText() {
        String url = "https://news.test/reindex/1";
        stream.publish("[셀트리온(068270)] 셀트리온 재색인 확인용 기사", NewsStream.metadata("068270", "셀트리온",
                "Naver Finance", url, 1_770_681_600L));
        await().atMost(WAIT).until(() -> registered(url) == 1);
        long stored = store().count();
        int before = embeddings.inputs();

        ArchiverApp.Answer started = app.call("POST", "/api/news/reindex");
        assertThat(started.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "DONE".equals(app.get("/api/news/stats").body().get("reindex")
                .get("state").asString()));

        assertThat(embeddings.inputs() - before).isGreaterThanOrEqualTo((int) stored);
        assertThat(store().count()).isEqualTo(stored);
        assertThat(app.get("/api/news/search?q=" + enc("셀트리온 재색인") + "&k=1").body().get("results").get(0)
                .get("metadata").get("source_url").asString()).isEqualTo(url);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
