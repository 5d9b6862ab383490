package com.primejennie.scoutjob.scout.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * News context from news-archiver's {@code GET /api/news/search} over real HTTP (a stand-in server answering in the
 * archiver's shape): three queries per stock, deduplicated, at most five items; "none found"; and an archiver that
 * is down costs one request per run, after which the prompt says no news was available.
 */
class NewsContextClientTest {

    static String answer(String... contents) {
        StringBuilder results = new StringBuilder();
        for (String c : contents) {
            if (results.length() > 0) {
                results.append(',');
            }
            results.append("{\"page_content\":\"").append(c).append("\",\"metadata\":{\"stock_code\":\"005930\"},"
                    + "\"score\":0.81}");
        }
        return "{\"query\":\"q\",\"code\":\"005930\",\"since\":1770681600,\"k\":3,\"store\":\"lucene\",\"results\":["
                + results + "]}";
    }

    @Test
    void buildsTheContextFromTheThreeSearchesOfTheArchiver() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer archiver = new MockWebServer()) {
            archiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    int n = requests.incrementAndGet();
                    assertThat(request.getPath()).startsWith("/api/news/search?q=").contains("&code=005930")
                            .contains("&since=7d&k=3");
                    String body = switch (n) {
                        case 1 -> answer("[삼성전자(005930)] 삼성전자, HBM4 양산 | 출처: Naver Finance",
                                "[삼성전자(005930)] 삼성전자, 1분기 영업이익 급증");
                        case 2 -> answer("[삼성전자(005930)] 삼성전자, HBM4 양산 | 출처: Naver Finance",
                                "[삼성전자(005930)] 삼성전자, 엔비디아 공급 계약", "[삼성전자(005930)] 신규 수주 3건");
                        default -> answer("[삼성전자(005930)] 반도체 업황 둔화 우려", "[삼성전자(005930)] 환율 리스크");
                    };
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
                }
            });
            archiver.start();
            NewsContextClient client = new NewsContextClient(archiver.url("/").toString(), Duration.ofSeconds(15));
            client.startRun();
            String context = client.context("005930", "삼성전자").orElseThrow();
            assertThat(requests.get()).isEqualTo(3);
            assertThat(context.split(" \\| \\[뉴스")).hasSize(5);
            assertThat(context).startsWith("[뉴스1] [삼성전자(005930)] 삼성전자, HBM4 양산")
                    .contains("[뉴스2] [삼성전자(005930)] 삼성전자, 1분기 영업이익 급증")
                    .contains("[뉴스5] [삼성전자(005930)] 반도체 업황 둔화 우려").doesNotContain("환율 리스크");
        }
    }

    @Test
    void saysNoneFoundWhenTheArchiverHasNothing() throws Exception {
        try (MockWebServer archiver = new MockWebServer()) {
            archiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(answer());
                }
            });
            archiver.start();
            NewsContextClient client = new NewsContextClient(archiver.url("/").toString(), Duration.ofSeconds(15));
            client.startRun();
            assertThat(client.context("005930", "삼성전자")).contains(NewsContextClient.NONE_FOUND);
        }
    }

    @Test
    void aDownArchiverIsAskedOncePerRun() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer archiver = new MockWebServer()) {
            archiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    requests.incrementAndGet();
                    return new MockResponse().setResponseCode(503).setBody("{\"error\":\"store down\"}");
                }
            });
            archiver.start();
            NewsContextClient client = new NewsContextClient(archiver.url("/").toString(), Duration.ofSeconds(15));
            client.startRun();
            assertThat(client.context("005930", "삼성전자")).isEmpty();
            assertThat(client.context("000660", "SK하이닉스")).isEmpty();
            assertThat(requests.get()).isEqualTo(1);
            assertThat(client.available()).isFalse();
            client.startRun();
            assertThat(client.available()).isTrue();
        }
        NewsContextClient none = new NewsContextClient("none", Duration.ofSeconds(1));
        none.startRun();
        assertThat(none.context("005930", "삼성전자")).isEmpty();
    }
}
