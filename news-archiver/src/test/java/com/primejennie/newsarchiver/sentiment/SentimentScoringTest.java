package com.primejennie.newsarchiver.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.support.ArchiverApp;
import com.primejennie.newsarchiver.support.FakeEmbeddingServer;
import com.primejennie.newsarchiver.support.NewsStream;
import com.primejennie.shared.testing.RealServices;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sentiment of archived stock news through a fake vLLM chat server (FAST tier, JSON schema) into
 * {@code STOCK_NEWS_SENTIMENT_MOCK} (the app runs in MOCK mode): scored once per article, general news not at all,
 * and an LLM failure leaves the item unscored, archived, and retried later.
 */
class SentimentScoringTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static FakeEmbeddingServer embeddings;
    static MockWebServer llm;
    static final AtomicBoolean llmDown = new AtomicBoolean();
    static final AtomicInteger llmCalls = new AtomicInteger();
    static ArchiverApp app;
    static NewsStream stream;

    @BeforeAll
    static void start() throws IOException {
        RealServices.flushRedis();
        embeddings = new FakeEmbeddingServer();
        llm = new MockWebServer();
        llm.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                llmCalls.incrementAndGet();
                if (llmDown.get()) {
                    return new MockResponse().setResponseCode(503).setBody("{\"error\":\"down\"}");
                }
                String prompt = request.getBody().readUtf8();
                boolean bad = prompt.contains("리콜");
                return chat("{\"score\": " + (bad ? 15 : 85) + ", \"reason\": \""
                        + (bad ? "대규모 리콜로 비용 부담이 커진다." : "수주 확대로 실적 개선이 기대된다.") + "\"}");
            }
        });
        llm.start();
        app = ArchiverApp.start(dir.resolve("index"), embeddings, Map.of(
                "jennie.news.sentiment.enabled", "true",
                "jennie.news.sentiment.poll-interval", "200ms",
                "jennie.news.sentiment.retry-after", "1s",
                "jennie.llm.vllm-url", llm.url("/v1").toString(),
                "jennie.llm.retry.max-attempts", "1",
                "jennie.trading-mode", "MOCK"));
        stream = new NewsStream();
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (stream != null) {
            stream.close();
        }
        embeddings.close();
        llm.shutdown();
    }

    static MockResponse chat(String content) {
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
        usage.put("prompt_tokens", 120);
        usage.put("completion_tokens", 30);
        usage.put("total_tokens", 150);
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    static JdbcClient jdbc() {
        return JdbcClient.create(app.bean(javax.sql.DataSource.class));
    }

    static Map<String, Object> sentimentRow(String url) {
        return jdbc().sql("SELECT STOCK_CODE, HEADLINE, SENTIMENT_SCORE, SENTIMENT_REASON, PUBLISHED_AT, NEWS_DATE "
                + "FROM STOCK_NEWS_SENTIMENT_MOCK WHERE ARTICLE_URL = ?").param(url).query().singleRow();
    }

    static long rows(String table, String url) {
        return jdbc().sql("SELECT COUNT(*) FROM " + table + " WHERE ARTICLE_URL = ?").param(url).query(Long.class)
                .single();
    }

    static String status(String url) {
        return jdbc().sql("SELECT SENTIMENT_STATUS FROM NEWS_ARCHIVE_DOCUMENT WHERE SOURCE_URL = ?").param(url)
                .query(String.class).optional().orElse("absent");
    }

    @Test
    void scoresAStockTaggedItemOnceIntoTheMockTable() {
        String url = "https://sentiment.test/1";
        stream.publish("[현대로템(064350)] 현대로템, 폴란드 K2 전차 2차 수주 | 출처: Naver Finance | 날짜: 2026-02-10",
                NewsStream.metadata("064350", "현대로템", "Naver Finance", url, 1_770_681_600L));
        await().atMost(WAIT).until(() -> rows("STOCK_NEWS_SENTIMENT_MOCK", url) == 1);

        Map<String, Object> row = sentimentRow(url);
        assertThat(row.get("STOCK_CODE")).isEqualTo("064350");
        assertThat(row.get("HEADLINE")).isEqualTo("현대로템, 폴란드 K2 전차 2차 수주");
        assertThat(((Number) row.get("SENTIMENT_SCORE")).doubleValue()).isEqualTo(85.0);
        assertThat(row.get("SENTIMENT_REASON")).isEqualTo("수주 확대로 실적 개선이 기대된다.");
        assertThat(row.get("PUBLISHED_AT")).isNotNull();
        assertThat(rows("STOCK_NEWS_SENTIMENT", url)).as("REAL table untouched in MOCK mode").isZero();
        await().atMost(WAIT).until(() -> status(url).equals("DONE"));
    }

    @Test
    void generalNewsIsNotScoredAndAnArticleScoredElsewhereIsNotScoredAgain() throws InterruptedException {
        String general = "https://sentiment.test/general";
        String scoredByPython = "https://sentiment.test/python";
        jdbc().sql("INSERT INTO STOCK_NEWS_SENTIMENT_MOCK (STOCK_CODE, SENTIMENT_SCORE, ARTICLE_URL) VALUES (?, ?, ?)")
                .params("000660", 60.0, scoredByPython).update();
        stream.publish("[시장뉴스] 코스피 2% 상승 마감 | 출처: Hankyung | 날짜: 2026-02-10",
                NewsStream.metadata(null, null, "Hankyung", general, 1_770_681_600L));
        stream.publish("[SK하이닉스(000660)] 파이썬 분석기가 이미 점수를 낸 기사 | 출처: Naver Finance | 날짜: 2026-02-10",
                NewsStream.metadata("000660", "SK하이닉스", "Naver Finance", scoredByPython, 1_770_681_600L));
        await().atMost(WAIT).until(() -> status(scoredByPython).equals("DONE"));

        assertThat(status(general)).isEqualTo("NONE");
        assertThat(rows("STOCK_NEWS_SENTIMENT_MOCK", general)).isZero();
        assertThat(((Number) sentimentRow(scoredByPython).get("SENTIMENT_SCORE")).doubleValue()).isEqualTo(60.0);
    }

    @Test
    void anLlmFailureLeavesTheItemArchivedAndUnscoredThenItIsRetried() {
        String url = "https://sentiment.test/retry";
        llmDown.set(true);
        try {
            stream.publish("[기아(000270)] 기아, 대규모 리콜 발표 | 출처: Naver Finance | 날짜: 2026-02-10",
                    NewsStream.metadata("000270", "기아", "Naver Finance", url, 1_770_681_600L));
            await().atMost(WAIT).until(() -> jdbc().sql(
                    "SELECT SENTIMENT_ATTEMPTS FROM NEWS_ARCHIVE_DOCUMENT WHERE SOURCE_URL = ?").param(url)
                    .query(Integer.class).optional().orElse(0) >= 1);
            assertThat(status(url)).isEqualTo("PENDING");
            assertThat(rows("STOCK_NEWS_SENTIMENT_MOCK", url)).isZero();
            assertThat(app.bean(com.primejennie.newsarchiver.store.VectorStore.class).countBySourceUrl(url))
                    .as("archived although the LLM is down").isEqualTo(1);
        } finally {
            llmDown.set(false);
        }
        await().atMost(WAIT).until(() -> rows("STOCK_NEWS_SENTIMENT_MOCK", url) == 1);
        assertThat(((Number) sentimentRow(url).get("SENTIMENT_SCORE")).doubleValue()).isEqualTo(15.0);
        await().atMost(WAIT).until(() -> status(url).equals("DONE"));
    }
}
