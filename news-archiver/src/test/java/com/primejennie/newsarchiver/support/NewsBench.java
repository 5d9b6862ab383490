package com.primejennie.newsarchiver.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.newsarchiver.store.LuceneVectorStore;
import com.primejennie.newsarchiver.store.SearchFilter;
import com.primejennie.newsarchiver.store.StoredChunk;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.domain.WireJson;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import tools.jackson.databind.node.ObjectNode;

/**
 * Benchmark of the news-archiver, run by {@code scripts/bench-news.sh}: the real application (this JVM's leased
 * Redis db and a scratch MariaDB database, as the tests use) with a fake embeddings server over HTTP.
 * <ol>
 * <li>ingest: {@code items} generated Korean news items are written to {@code stream:news:raw} (pipelined XADD) and
 *     timed until every one is archived (chunked, embedded over HTTP, committed to the index, recorded);</li>
 * <li>fill: the embedded index is filled to {@code chunks} chunks with generated chunks and vectors (bulk upserts,
 *     not timed in the result line);</li>
 * <li>search: {@code searches} similarity searches (k=5; half filtered by stock code, a quarter by date too) on the
 *     store, timed one by one; then heap and non-heap in use after a GC.</li>
 * </ol>
 * Prints {@code news: ingest N items/s, search p50 X ms p99 Y ms over C chunks} last.
 */
public final class NewsBench {

    private static final String[][] STOCKS = {
        {"005930", "삼성전자"}, {"000660", "SK하이닉스"}, {"035420", "네이버"}, {"035720", "카카오"},
        {"005380", "현대차"}, {"000270", "기아"}, {"051910", "LG화학"}, {"006400", "삼성SDI"},
        {"068270", "셀트리온"}, {"207940", "삼성바이오로직스"}, {"064350", "현대로템"}, {"012450", "한화에어로스페이스"},
    };
    private static final String[] TOPICS = {
        "분기 영업이익이 시장 예상치를 웃돌았다", "신규 수주 계약을 체결했다", "대규모 설비 투자를 발표했다",
        "외국인 순매수가 이어졌다", "노조 파업 리스크가 부각됐다", "원자재 가격 상승으로 수익성이 악화됐다",
        "신제품 판매가 호조를 보였다", "자사주 매입과 배당 확대를 결정했다", "해외 공장 증설 계획을 밝혔다",
        "목표주가가 상향 조정됐다", "규제 리스크로 주가가 하락했다", "HBM 공급 계약 협상이 진행 중이다",
    };

    private NewsBench() {
    }

    public static void main(String[] args) throws Exception {
        int items = intArg(args, 0, 2_000);
        int chunks = intArg(args, 1, 100_000);
        int searches = intArg(args, 2, 1_000);
        Path dir = Files.createTempDirectory("news-bench");
        Random random = new Random(42);
        try (FakeEmbeddingServer embeddings = new FakeEmbeddingServer();
             ArchiverApp app = ArchiverApp.start(dir.resolve("index"), embeddings, Map.of(
                     "logging.level.root", "WARN", "logging.level.com.primejennie", "WARN",
                     "jennie.messaging.streams.news-raw.batch-size", "100"));
             NewsStream stream = new NewsStream()) {
            VectorStore store = app.bean(VectorStore.class);
            JdbcClient jdbc = JdbcClient.create(app.bean(javax.sql.DataSource.class));

            // 1. ingest through the stream
            long startedIngest = System.nanoTime();
            RedisAsyncCommands<String, String> async = stream.redis().getStatefulConnection().async();
            List<RedisFuture<String>> futures = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                futures.add(async.xadd(NewsStream.STREAM, Map.of("page_content", article(random, i),
                        "metadata", metadata(random, "https://bench.test/" + i, i).toString(),
                        "published_at", "2026-02-11T01:23:00+00:00")));
                if (futures.size() == 500) {
                    LettuceFutures.awaitAll(java.time.Duration.ofSeconds(30), futures.toArray(new RedisFuture[0]));
                    futures.clear();
                }
            }
            LettuceFutures.awaitAll(java.time.Duration.ofSeconds(30), futures.toArray(new RedisFuture[0]));
            long archived;
            do {
                Thread.sleep(100);
                archived = jdbc.sql("SELECT COUNT(*) FROM NEWS_ARCHIVE_DOCUMENT").query(Long.class).single();
            } while (archived < items);
            double ingestSeconds = (System.nanoTime() - startedIngest) / 1e9;
            double itemsPerSecond = items / ingestSeconds;
            System.out.printf(Locale.ROOT, "ingest: %d items (%d chunks) in %.1f s, %d dead letters%n", items,
                    store.count(), ingestSeconds, stream.deadLetters().size());

            // 2. fill the index to the target size
            long startedFill = System.nanoTime();
            long have = store.count();
            int n = 0;
            while (have < chunks) {
                int batch = (int) Math.min(2_000, chunks - have);
                List<StoredChunk> bulk = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    String text = article(random, n).lines().findFirst().orElse("") + " #" + n;
                    bulk.add(new StoredChunk(UUID.randomUUID().toString(), text,
                            metadata(random, "https://bench.test/fill/" + n, n), BigramVectors.of(text, 1024)));
                    n++;
                }
                store.upsert(bulk);
                have += batch;
                if (n % 20_000 < batch) {
                    System.out.printf(Locale.ROOT, "fill: %d chunks after %.0f s%n", have,
                            (System.nanoTime() - startedFill) / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "fill: %d chunks in %.1f s%n", store.count(),
                    (System.nanoTime() - startedFill) / 1e9);

            // 3. searches, on the index as the service leaves it, then after merging it to one segment
            LuceneVectorStore lucene = (LuceneVectorStore) store;
            double[] asIs = searchMillis(store, random, searches);
            System.out.printf(Locale.ROOT, "search as ingested (%d segments): p50 %.2f ms p99 %.2f ms%n",
                    lucene.segmentCount(), asIs[0], asIs[1]);
            long startedMerge = System.nanoTime();
            lucene.forceMerge();
            System.out.printf(Locale.ROOT, "merged to %d segment in %.1f s%n", lucene.segmentCount(),
                    (System.nanoTime() - startedMerge) / 1e9);
            double[] merged = searchMillis(store, random, searches);
            System.out.printf(Locale.ROOT, "search merged: p50 %.2f ms p99 %.2f ms%n", merged[0], merged[1]);
            double p50 = asIs[0];
            double p99 = asIs[1];

            System.gc();
            Thread.sleep(500);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heap = memory.getHeapMemoryUsage().getUsed();
            long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
            long indexBytes;
            try (var files = Files.walk(dir)) {
                indexBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "memory: heap %d MiB + non-heap %d MiB = %d MiB (max heap %d MiB); "
                            + "index on disk %d MiB (memory-mapped)%n", heap >> 20, nonHeap >> 20,
                    (heap + nonHeap) >> 20, memory.getHeapMemoryUsage().getMax() >> 20, indexBytes >> 20);
            System.out.printf(Locale.ROOT, "news: ingest %.0f items/s, search p50 %.2f ms p99 %.2f ms over %d chunks%n",
                    itemsPerSecond, p50, p99, store.count());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** {@code searches} timed searches (k=5, filter mix); returns {p50, p99} in ms. */
    static double[] searchMillis(VectorStore store, Random random, int searches) {
        double[] millis = new double[searches];
        for (int warm = 0; warm < Math.min(200, searches); warm++) {
            store.search(BigramVectors.of(query(random), 1024), 5, SearchFilter.NONE);
        }
        {
            for (int i = 0; i < searches; i++) {
                float[] vector = BigramVectors.of(query(random), 1024);
                SearchFilter filter = switch (i % 4) {
                    case 0, 1 -> SearchFilter.NONE;
                    case 2 -> SearchFilter.stock(STOCKS[random.nextInt(STOCKS.length)][0]);
                    default -> SearchFilter.stock(STOCKS[random.nextInt(STOCKS.length)][0])
                            .since(1_770_681_600L - 7 * 86_400L);
                };
                long t = System.nanoTime();
                store.search(vector, 5, filter);
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[(int) Math.floor(0.50 * (searches - 1))],
                millis[(int) Math.floor(0.99 * (searches - 1))]};
    }

    static String article(Random random, int i) {
        String[] stock = STOCKS[random.nextInt(STOCKS.length)];
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String title = "[" + stock[1] + "(" + stock[0] + ")] " + stock[1] + ", " + topic + " (" + i + ")"
                + " | 출처: Naver Finance | 날짜: 2026-02-10";
        if (i % 4 != 0) {
            return title;
        }
        StringBuilder body = new StringBuilder(title);
        for (int p = 0; p < 3; p++) {
            body.append("\n\n").append(stock[1]).append("은(는) ").append(TOPICS[random.nextInt(TOPICS.length)])
                    .append(". 증권가는 ").append(TOPICS[random.nextInt(TOPICS.length)])
                    .append("고 분석했다. 거래량은 전일 대비 ").append(random.nextInt(300)).append("% 늘었고 ")
                    .append("주가는 ").append(random.nextInt(20) - 10).append("% 움직였다. ")
                    .append("시장에서는 ").append(TOPICS[random.nextInt(TOPICS.length)]).append("는 점에 주목했다.");
        }
        return body.toString();
    }

    static ObjectNode metadata(Random random, String url, int i) {
        String[] stock = STOCKS[random.nextInt(STOCKS.length)];
        ObjectNode m = WireJson.mapper().createObjectNode();
        m.put("stock_code", stock[0]);
        m.put("stock_name", stock[1]);
        m.put("source", "Naver Finance");
        m.put("source_url", url);
        m.put("created_at_utc", 1_770_681_600L - random.nextInt(30 * 86_400));
        return m;
    }

    static String query(Random random) {
        String[] stock = STOCKS[random.nextInt(STOCKS.length)];
        return stock[1] + " " + TOPICS[random.nextInt(TOPICS.length)];
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
