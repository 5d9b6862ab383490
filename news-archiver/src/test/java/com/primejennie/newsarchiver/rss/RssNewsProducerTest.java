package com.primejennie.newsarchiver.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.primejennie.newsarchiver.support.ArchiverApp;
import com.primejennie.newsarchiver.support.FakeEmbeddingServer;
import com.primejennie.newsarchiver.support.NewsStream;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.testing.RealServices;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone RSS producer, switched on, against a feed served over HTTP: new items reach
 * {@code stream:news:raw} once, in the collector's format, tagged with the STOCK_MASTER stock they name, and are
 * archived by the same service.
 */
class RssNewsProducerTest {

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>테스트 경제</title><link>https://rss.test/</link>
            <description>t</description>
            <item><title>SK하이닉스, HBM4 양산 돌입</title><link>https://rss.test/a/1</link>
              <description>삼성전자도 뒤따를 전망</description><pubDate>Tue, 10 Feb 2026 01:00:00 GMT</pubDate></item>
            <item><title>코스피, 외국인 매수에 상승</title><link>https://rss.test/a/2</link>
              <description>삼성전자 강세</description><pubDate>Tue, 10 Feb 2026 02:00:00 GMT</pubDate></item>
            <item><title>환율 1,400원 돌파</title><link>https://rss.test/a/3</link>
              <description>수입 물가 부담</description><pubDate>Tue, 10 Feb 2026 03:00:00 GMT</pubDate></item>
            </channel></rss>""";

    @TempDir
    static Path dir;
    static FakeEmbeddingServer embeddings;
    static MockWebServer feed;
    static ArchiverApp app;
    static NewsStream stream;

    @BeforeAll
    static void start() throws IOException {
        RealServices.flushRedis();
        embeddings = new FakeEmbeddingServer();
        feed = new MockWebServer();
        feed.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .setBody(RSS);
            }
        });
        feed.start();
        app = ArchiverApp.start(dir.resolve("index"), embeddings, Map.of(
                "jennie.news.rss.enabled", "true",
                "jennie.news.rss.poll-interval", "1h",
                "jennie.news.rss.feeds[0].url", feed.url("/rss").toString(),
                "jennie.news.rss.feeds[0].source", "Test Economy"));
        StockMasterRepository stocks = app.bean(StockMasterRepository.class);
        stocks.upsert(new StockMasterEntry("000660", "SK하이닉스", null, null, null, null, false));
        stocks.upsert(new StockMasterEntry("005930", "삼성전자", null, null, null, null, false));
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
        feed.shutdown();
    }

    static Map<String, String> entry(List<StreamMessage<String, String>> entries, String url) {
        return entries.stream().map(StreamMessage::getBody)
                .filter(b -> b.get("metadata") != null && b.get("metadata").contains(url)).findFirst().orElseThrow();
    }

    @Test
    void writesEachNewFeedItemOnceTaggedWithTheStockItNames() {
        RssNewsProducer producer = app.bean(RssNewsProducer.class);
        producer.pollOnce();
        producer.pollOnce(); // the second poll finds nothing new

        List<StreamMessage<String, String>> entries = stream.redis().xrange(NewsStream.STREAM, Range.create("-", "+"));
        assertThat(entries).hasSize(3);
        JsonMapper mapper = JsonMapper.builder().build();

        Map<String, String> hynix = entry(entries, "https://rss.test/a/1");
        assertThat(hynix.get("page_content"))
                .isEqualTo("[SK하이닉스(000660)] SK하이닉스, HBM4 양산 돌입 | 출처: Test Economy | 날짜: 2026-02-10");
        JsonNode meta = mapper.readTree(hynix.get("metadata"));
        assertThat(meta.get("stock_code").asString()).isEqualTo("000660");
        assertThat(meta.get("stock_name").asString()).isEqualTo("SK하이닉스");
        assertThat(meta.get("source").asString()).isEqualTo("Test Economy");
        assertThat(meta.get("created_at_utc").asLong()).isEqualTo(1_770_685_200L);
        assertThat(hynix.get("published_at")).isNotBlank();

        JsonNode bySummary = mapper.readTree(entry(entries, "https://rss.test/a/2").get("metadata"));
        assertThat(bySummary.get("stock_code").asString()).isEqualTo("005930");

        Map<String, String> general = entry(entries, "https://rss.test/a/3");
        assertThat(general.get("page_content")).startsWith("[시장뉴스] 환율 1,400원 돌파");
        assertThat(mapper.readTree(general.get("metadata")).get("stock_code").isNull()).isTrue();

        await().atMost(Duration.ofSeconds(60)).until(() -> app.get("/api/news/stats").body().get("documents")
                .asLong() == 3);
    }
}
