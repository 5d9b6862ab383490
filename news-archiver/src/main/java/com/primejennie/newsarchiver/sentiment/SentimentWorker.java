package com.primejennie.newsarchiver.sentiment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.shared.market.MarketClock;

/**
 * Scores archived stock-tagged items in the background: every poll it takes the due items of the
 * {@link SentimentQueue}, skips an article that already has a row (dedup on {@code ARTICLE_URL}), asks the
 * {@link SentimentScorer} and writes {@code STOCK_NEWS_SENTIMENT(_MOCK)}. A failed call leaves the item unscored and
 * due again after {@code retry-after} (doubling), until {@code max-attempts}; archiving never waits for it.
 */
public class SentimentWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SentimentWorker.class);

    private final SentimentQueue queue;
    private final SentimentScorer scorer;
    private final SentimentRepository repository;
    private final MarketClock clock;
    private final NewsProperties.Sentiment settings;
    private ScheduledExecutorService executor;

    public SentimentWorker(SentimentQueue queue, SentimentScorer scorer, SentimentRepository repository,
                           MarketClock clock, NewsProperties.Sentiment settings) {
        this.queue = queue;
        this.scorer = scorer;
        this.repository = repository;
        this.clock = clock;
        this.settings = settings;
    }

    /** One pass over the due items; returns how many got a score. Public for tests and operators. */
    public int runOnce() {
        LocalDateTime now = clock.nowUtcNaive();
        List<SentimentQueue.PendingItem> due = queue.due(now, settings.batchSize());
        int scored = 0;
        for (SentimentQueue.PendingItem item : due) {
            try {
                if (repository.existsForUrl(item.sourceUrl())) {
                    queue.markDone(item.id());
                    continue;
                }
                SentimentScorer.Score score = scorer.score(item.stockCode(), item.stockName(), item.pageContent());
                LocalDateTime newsDate = item.createdAtUtc() != null
                        ? LocalDateTime.ofEpochSecond(item.createdAtUtc(), 0, ZoneOffset.UTC)
                        : item.publishedAt();
                repository.insert(new SentimentRepository.Row(item.stockCode(), newsDate, item.source(),
                        SentimentScorer.headline(item.pageContent()), item.pageContent(), score.score(),
                        score.reason(), item.sourceUrl(), item.source(), item.publishedAt(), clock.nowUtcNaive()));
                queue.markDone(item.id());
                scored++;
            } catch (RuntimeException e) {
                int attempts = item.attempts() + 1;
                boolean giveUp = attempts >= settings.maxAttempts();
                Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 10));
                queue.markFailed(item.id(), attempts, clock.nowUtcNaive().plus(wait), giveUp, e.toString());
                log.warn("Sentiment of news {} failed (attempt {}/{}){}: {}", item.id(), attempts,
                        settings.maxAttempts(), giveUp ? ", giving up" : ", retrying in " + wait, e.toString());
            }
        }
        return scored;
    }

    private void safeRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Sentiment pass failed (database unavailable?): {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "news-sentiment");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeRun, every, every, TimeUnit.MILLISECONDS);
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
