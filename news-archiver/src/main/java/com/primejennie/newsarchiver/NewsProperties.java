package com.primejennie.newsarchiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the news-archiver ({@code jennie.news.*}) with its default, here and only here;
 * {@code application.properties} merely binds the Python names ({@code QDRANT_HOST}, {@code CHROMA_COLLECTION_NAME},
 * …) with an empty fallback. Blank values take the defaults.
 *
 * @param chunkSize code points per chunk; 0 (default) = the embedding client's input budget (250)
 * @param store     which vector store and where
 * @param sentiment the FAST-tier sentiment scoring into {@code STOCK_NEWS_SENTIMENT}
 * @param rss       the optional RSS/Atom producer into {@code stream:news:raw}
 * @param search    limits of {@code GET /api/news/search}
 */
@ConfigurationProperties("jennie.news")
public record NewsProperties(Integer chunkSize, Store store, Sentiment sentiment, Rss rss, Search search) {

    public NewsProperties {
        chunkSize = chunkSize == null || chunkSize < 0 ? 0 : chunkSize;
        store = store == null ? new Store(null, null, null, null, null, null, null) : store;
        sentiment = sentiment == null ? new Sentiment(null, null, null, null, null) : sentiment;
        rss = rss == null ? new Rss(null, null, null, null) : rss;
        search = search == null ? new Search(null, null) : search;
    }

    public static NewsProperties defaults() {
        return new NewsProperties(null, null, null, null, null);
    }

    /**
     * @param type           {@code lucene} (default: embedded, no server) or {@code qdrant}
     * @param lucenePath     the embedded index directory ({@code NEWS_INDEX_PATH}, default {@code data/news-index})
     * @param qdrantHost     {@code QDRANT_HOST}, default localhost
     * @param qdrantGrpcPort the gRPC port of Qdrant (6334; the Python client used REST on {@code QDRANT_PORT} 6333)
     * @param qdrantApiKey   optional
     * @param collection     {@code CHROMA_COLLECTION_NAME}, default {@code rag_stock_data}
     * @param timeout        per Qdrant call, default 10 s
     */
    public record Store(String type, Path lucenePath, String qdrantHost, Integer qdrantGrpcPort, String qdrantApiKey,
                        String collection, Duration timeout) {
        public Store {
            type = blank(type) ? "lucene" : type.trim().toLowerCase(java.util.Locale.ROOT);
            if (!type.equals("lucene") && !type.equals("qdrant")) {
                throw new IllegalArgumentException("jennie.news.store.type must be lucene or qdrant, was '" + type
                        + "'");
            }
            lucenePath = lucenePath == null || lucenePath.toString().isBlank() ? Path.of("data", "news-index")
                    : lucenePath;
            qdrantHost = blank(qdrantHost) ? "localhost" : qdrantHost.trim();
            qdrantGrpcPort = qdrantGrpcPort == null ? 6334 : qdrantGrpcPort;
            collection = blank(collection) ? "rag_stock_data" : collection.trim();
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * @param enabled      score stock-tagged items (default true; {@code NEWS_SENTIMENT_ENABLED=false} turns it off)
     * @param pollInterval how often unscored items are looked for (10 s)
     * @param batchSize    items scored per poll (20)
     * @param retryAfter   wait after a failed LLM call before the item is tried again (10 min, doubling)
     * @param maxAttempts  attempts before an item is left FAILED (visible in the stats; 6)
     */
    public record Sentiment(Boolean enabled, Duration pollInterval, Integer batchSize, Duration retryAfter,
                            Integer maxAttempts) {
        public Sentiment {
            enabled = enabled == null || enabled;
            pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
            batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
            retryAfter = retryAfter == null ? Duration.ofMinutes(10) : retryAfter;
            maxAttempts = maxAttempts == null || maxAttempts < 1 ? 6 : maxAttempts;
        }
    }

    /**
     * @param enabled      poll the feeds into {@code stream:news:raw} (default false: news-collector does it)
     * @param feeds        the RSS/Atom feeds
     * @param pollInterval between polls (10 min)
     * @param timeout      per feed download (20 s)
     */
    public record Rss(Boolean enabled, List<Feed> feeds, Duration pollInterval, Duration timeout) {
        public Rss {
            enabled = enabled != null && enabled;
            feeds = feeds == null ? List.of() : List.copyOf(feeds);
            pollInterval = pollInterval == null ? Duration.ofMinutes(10) : pollInterval;
            timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        }
    }

    /** One feed: its URL and the {@code metadata.source} its items carry (e.g. {@code Hankyung (Finance)}). */
    public record Feed(String url, String source) {
    }

    /** @param defaultK results when {@code k} is not given (5); @param maxK the largest {@code k} accepted (50) */
    public record Search(Integer defaultK, Integer maxK) {
        public Search {
            defaultK = defaultK == null || defaultK < 1 ? 5 : defaultK;
            maxK = maxK == null || maxK < 1 ? 50 : maxK;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
