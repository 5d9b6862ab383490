package com.primejennie.newsarchiver.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.newsarchiver.chunking.TextChunker;
import com.primejennie.newsarchiver.store.StoredChunk;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.llm.EmbeddingClient;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.ReceivedMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The handler of {@code stream:news:raw} (spec/control-and-intelligence.md §4): skip an item already archived (by
 * {@code source_url}, or by content hash without a URL), split it into chunks that fit the embedding budget, embed
 * the raw chunk texts in batches, store each chunk with the spec's payload, then record the item. It throws when a
 * step fails, so the worker retries the message and finally dead-letters it; it is idempotent (chunk ids are derived
 * from the item's key), so a message handled twice after a crash stores nothing twice.
 */
public class NewsArchiver {

    /** Usage tag of the embedding calls ({@code llm:stats:<day>:news_archiver}). */
    public static final String SERVICE = "news_archiver";
    private static final Logger log = LoggerFactory.getLogger(NewsArchiver.class);

    private final TextChunker chunker;
    private final EmbeddingClient embeddings;
    private final VectorStore store;
    private final DocumentRegistry registry;
    private final MarketClock clock;
    private final BooleanSupplier scoreSentiment;
    private final SchemaGate schema;
    private final Counter archived;
    private final Counter duplicates;
    private final Counter chunksStored;

    public NewsArchiver(TextChunker chunker, EmbeddingClient embeddings, VectorStore store, DocumentRegistry registry,
                        MarketClock clock, BooleanSupplier scoreSentiment, SchemaGate schema, MeterRegistry meters) {
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scoreSentiment = Objects.requireNonNull(scoreSentiment, "scoreSentiment");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.archived = meters.counter("jennie.news.archived");
        this.duplicates = meters.counter("jennie.news.duplicates");
        this.chunksStored = meters.counter("jennie.news.chunks.stored");
    }

    /** The worker's entry point. */
    public void onMessage(ReceivedMessage<NewsDocument> message) {
        archive(message.payload(), message.id());
    }

    /** Archives one item; returns what happened. */
    public Outcome archive(NewsDocument doc, String streamId) {
        schema.awaitReady();
        String key = doc.docKey();
        if (registry.exists(key)) {
            duplicates.increment();
            log.debug("news {} already archived ({}), skipped", streamId, describe(doc));
            return Outcome.duplicate();
        }
        LocalDateTime now = clock.nowUtcNaive();
        String sentiment = scoreSentiment.getAsBoolean() && doc.stockCode() != null
                ? DocumentRegistry.SENTIMENT_PENDING : DocumentRegistry.SENTIMENT_NONE;
        String url = doc.sourceUrl();
        if (url != null) {
            long existing = store.countBySourceUrl(url);
            if (existing > 0) {
                // In the store but not recorded: written by the Python archiver, or we crashed before recording.
                registry.record(doc, (int) existing, streamId, now, publishedAt(doc), sentiment);
                duplicates.increment();
                return Outcome.duplicate();
            }
        }
        List<String> texts = chunker.split(doc.pageContent());
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("page_content has no text to archive");
        }
        List<float[]> vectors = embeddings.embed(texts, SERVICE);
        List<StoredChunk> chunks = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            chunks.add(new StoredChunk(chunkId(key, i), texts.get(i), doc.metadata(), vectors.get(i)));
        }
        store.upsert(chunks);
        registry.record(doc, chunks.size(), streamId, now, publishedAt(doc), sentiment);
        archived.increment();
        chunksStored.increment(chunks.size());
        log.debug("news {} archived in {} chunks ({})", streamId, chunks.size(), describe(doc));
        return Outcome.archived(chunks.size());
    }

    /** A stable id per (item, chunk index): a UUID, as Qdrant point ids must be. */
    public static String chunkId(String docKey, int index) {
        return UUID.nameUUIDFromBytes((docKey + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static LocalDateTime publishedAt(NewsDocument doc) {
        if (doc.publishedAt() == null || doc.publishedAt().isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(WireTime.parse(doc.publishedAt(), ZoneOffset.UTC), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            return null; // a malformed published_at does not make the news unarchivable
        }
    }

    private static String describe(NewsDocument doc) {
        return doc.sourceUrl() != null ? doc.sourceUrl() : "no url, " + doc.contentHash().substring(0, 12);
    }

    /** What {@link #archive} did. */
    public record Outcome(boolean stored, int chunks) {
        static Outcome duplicate() {
            return new Outcome(false, 0);
        }

        static Outcome archived(int chunks) {
            return new Outcome(true, chunks);
        }
    }

    /** Blocks until the schema is migrated, or throws so the message is retried. */
    @FunctionalInterface
    public interface SchemaGate {
        void awaitReady();

        SchemaGate NONE = () -> { };

        static SchemaGate of(com.primejennie.shared.schema.SchemaMigrator migrator, Duration wait) {
            return () -> {
                try {
                    if (!migrator.awaitMigrated(wait)) {
                        throw new IllegalStateException("the database schema is not migrated yet (waited " + wait
                                + "): " + migrator.status().lastError());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the schema", e);
                }
            };
        }
    }
}
