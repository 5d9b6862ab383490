package com.primejennie.newsarchiver.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where news chunks and their vectors live, behind one interface so a fresh machine runs on the embedded Lucene index
 * ({@link LuceneVectorStore}, the default) and a deployment with Qdrant keeps using the Python suite's collection
 * ({@link QdrantVectorStore}). Both pass the same contract test. Implementations are thread-safe; a write has
 * returned only once it is durable (it survives a restart of the service).
 */
public interface VectorStore extends AutoCloseable {

    /** Short name for stats and logs: {@code lucene} or {@code qdrant}. */
    String kind();

    /** Inserts the chunks, replacing any chunk with the same id. Every chunk must carry a vector. */
    void upsert(List<StoredChunk> chunks);

    /** The {@code k} chunks closest to {@code query} (cosine) that pass {@code filter}, best first. */
    List<SearchHit> search(float[] query, int k, SearchFilter filter);

    /** How many chunks carry {@code metadata.source_url == sourceUrl} (the archiver's dedup check). */
    long countBySourceUrl(String sourceUrl);

    /** How many chunks are stored. */
    long count();

    /**
     * Reads every stored chunk (without vectors) in batches of up to {@code batchSize}, from a point-in-time view:
     * chunks the consumer upserts meanwhile are not visited again (what re-indexing needs).
     */
    void forEach(int batchSize, Consumer<List<StoredChunk>> batch);

    @Override
    void close();
}
