package com.primejennie.newsarchiver.rss;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.NewsItem;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import tools.jackson.databind.node.ObjectNode;

/**
 * A news producer for a standalone install without the Python news-collector: polls the configured RSS/Atom feeds
 * (Rome) and writes each new item to {@code stream:news:raw} in the collector's format: the one-line
 * {@code [삼성전자(005930)] <title> | 출처: <source> | 날짜: YYYY-MM-DD} (or {@code [시장뉴스] …} when no
 * {@code STOCK_MASTER} name occurs in the title or summary), the metadata object and {@code published_at}.
 * An item is written once: its link is remembered in Redis ({@code news:rss:seen:<sha1>}, 14 days). Off by default.
 */
public class RssNewsProducer implements SmartLifecycle {

    static final String SEEN_PREFIX = "news:rss:seen:";
    private static final Logger log = LoggerFactory.getLogger(RssNewsProducer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final NewsProperties.Rss settings;
    private final TradingSignalPublisher<NewsItem> publisher;
    private final StockMasterRepository stocks;
    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final HttpClient http;
    private ScheduledExecutorService executor;

    public RssNewsProducer(NewsProperties.Rss settings, TradingSignalPublisher<NewsItem> publisher,
                           StockMasterRepository stocks, StringRedisTemplate redis, MarketClock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.stocks = stocks;
        this.redis = redis;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Polls every feed once; returns how many items were written. A failing feed is logged and skipped. */
    public int pollOnce() {
        StockNameTagger tagger = new StockNameTagger(stocks.findAll());
        int written = 0;
        for (NewsProperties.Feed feed : settings.feeds()) {
            try {
                written += poll(feed, tagger);
            } catch (Exception e) {
                log.warn("RSS feed {} failed: {}", feed.url(), e.toString());
            }
        }
        return written;
    }

    private int poll(NewsProperties.Feed feed, StockNameTagger tagger) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(feed.url())).timeout(settings.timeout())
                .header("User-Agent", "prime-jennie-news-archiver").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        SyndFeed parsed;
        try (InputStream body = response.body()) {
            parsed = new SyndFeedInput().build(new XmlReader(body));
        }
        String source = feed.source() != null && !feed.source().isBlank() ? feed.source()
                : Optional.ofNullable(parsed.getTitle()).orElse(feed.url());
        int written = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            String link = entry.getLink();
            String title = entry.getTitle() == null ? "" : entry.getTitle().strip();
            if (link == null || link.isBlank() || title.isEmpty()) {
                continue;
            }
            String seenKey = SEEN_PREFIX + sha1(link.strip());
            if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(seenKey, "1", java.time.Duration.ofDays(14)))) {
                continue;
            }
            try {
                publisher.publish(item(entry, title, link.strip(), source, tagger));
                written++;
            } catch (RuntimeException e) {
                redis.delete(seenKey); // not written: try again next poll
                throw e;
            }
        }
        return written;
    }

    NewsItem item(SyndEntry entry, String title, String link, String source, StockNameTagger tagger) {
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : clock.instant();
        String summary = entry.getDescription() == null ? "" : entry.getDescription().getValue();
        Optional<StockMasterEntry> stock = tagger.tag(title).or(() -> tagger.tag(summary));
        String tag = stock.map(s -> "[" + s.stockName() + "(" + s.stockCode() + ")]").orElse("[시장뉴스]");
        String content = tag + " " + title + " | 출처: " + source + " | 날짜: " + DAY.format(published.atZone(KST));
        ObjectNode metadata = WireJson.mapper().createObjectNode();
        metadata.put("stock_code", stock.map(StockMasterEntry::stockCode).orElse(null));
        metadata.put("stock_name", stock.map(StockMasterEntry::stockName).orElse(null));
        metadata.put("source", source);
        metadata.put("source_url", link);
        metadata.put("created_at_utc", published.getEpochSecond());
        return new NewsItem(content, WireJson.mapper().writeValueAsString(metadata), WireTime.format(clock.instant()));
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void safePoll() {
        try {
            int n = pollOnce();
            if (n > 0) {
                log.info("RSS: {} new items written to {}", n, publisher.stream());
            }
        } catch (RuntimeException e) {
            log.warn("RSS poll failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "news-rss");
            t.setDaemon(true);
            return t;
        });
        // first poll after a minute: the schema (STOCK_MASTER) is migrated in the background at start-up
        executor.scheduleWithFixedDelay(this::safePoll, Math.min(60_000, settings.pollInterval().toMillis()),
                settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
