package com.primejennie.newsarchiver.reindex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.newsarchiver.ingest.NewsArchiver;
import com.primejennie.newsarchiver.store.StoredChunk;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.llm.EmbeddingClient;
import com.primejennie.shared.market.MarketClock;

/**
 * Re-embeds every stored chunk from its {@code page_content} and writes it back under the same id. Needed once after
 * moving from the Python suite, whose LangChain client sent token ids of the wrong tokenizer, so its vectors are not
 * comparable with raw-text vectors (spec/llm-dashboard-infra.md §1.9). One run at a time, in the background.
 *
 * <p>Chunks longer than the embedding budget (the Python archiver cut 500-character chunks) are embedded from their
 * first {@code budget} code points, which is what the 256-token server would read of them anyway; their stored text
 * is kept whole.
 */
public class ReindexService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReindexService.class);
    private static final int BATCH = 64;

    private final VectorStore store;
    private final EmbeddingClient embeddings;
    private final MarketClock clock;
    private final int budget;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "news-reindex");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    public ReindexService(VectorStore store, EmbeddingClient embeddings, MarketClock clock, int budget) {
        this.store = store;
        this.embeddings = embeddings;
        this.clock = clock;
        this.budget = budget;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a run; returns false (and changes nothing) when one is already running. */
    public synchronized boolean start() {
        if (status.get().state() == State.RUNNING) {
            return false;
        }
        long total = store.count();
        status.set(new Status(State.RUNNING, total, 0, clock.instant(), null, null));
        executor.submit(this::run);
        return true;
    }

    private void run() {
        try {
            store.forEach(BATCH, batch -> {
                List<String> texts = new ArrayList<>(batch.size());
                for (StoredChunk chunk : batch) {
                    texts.add(fit(chunk.pageContent()));
                }
                List<float[]> vectors = embeddings.embed(texts, NewsArchiver.SERVICE);
                List<StoredChunk> updated = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    updated.add(batch.get(i).withVector(vectors.get(i)));
                }
                store.upsert(updated);
                status.updateAndGet(s -> s.progressed(batch.size()));
            });
            status.updateAndGet(s -> s.finished(State.DONE, clock.instant(), null));
            log.info("Re-indexed {} chunks", status.get().done());
        } catch (RuntimeException e) {
            log.error("Re-indexing stopped after {} chunks", status.get().done(), e);
            status.updateAndGet(s -> s.finished(State.FAILED, clock.instant(), e.toString()));
        }
    }

    private String fit(String text) {
        String t = text.isBlank() ? "(empty)" : text;
        return t.codePointCount(0, t.length()) <= budget ? t : t.substring(0, t.offsetByCodePoints(0, budget));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** State of the last run. */
    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** Progress of the current or last run. */
    public record Status(State state, long total, long done, Instant startedAt, Instant finishedAt, String error) {
        static Status idle() {
            return new Status(State.IDLE, 0, 0, null, null, null);
        }

        Status progressed(int n) {
            return new Status(state, total, done + n, startedAt, finishedAt, error);
        }

        Status finished(State end, Instant at, String failure) {
            return new Status(end, total, done, startedAt, at, failure);
        }
    }
}
