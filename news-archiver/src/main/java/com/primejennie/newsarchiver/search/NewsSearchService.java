package com.primejennie.newsarchiver.search;

import java.util.List;

import com.primejennie.newsarchiver.NewsProperties;
import com.primejennie.newsarchiver.ingest.NewsArchiver;
import com.primejennie.newsarchiver.store.SearchFilter;
import com.primejennie.newsarchiver.store.SearchHit;
import com.primejennie.newsarchiver.store.VectorStore;
import com.primejennie.shared.llm.EmbeddingClient;

/**
 * Similarity search over the archive for scout-job and the dashboard: embeds the query text (raw, as the chunks
 * were) and asks the store for the closest chunks, optionally of one stock and from a date on.
 */
public class NewsSearchService {

    private final EmbeddingClient embeddings;
    private final VectorStore store;
    private final NewsProperties.Search limits;
    private final int budget;

    public NewsSearchService(EmbeddingClient embeddings, VectorStore store, NewsProperties.Search limits,
                             int inputBudget) {
        this.embeddings = embeddings;
        this.store = store;
        this.limits = limits;
        this.budget = inputBudget;
    }

    /**
     * @param k null for the default; more than the maximum is refused
     */
    public List<SearchHit> search(String query, SearchFilter filter, Integer k) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("q (the query text) is required");
        }
        int limit = k == null ? limits.defaultK() : k;
        if (limit < 1 || limit > limits.maxK()) {
            throw new IllegalArgumentException("k must be within 1-" + limits.maxK() + ", was " + k);
        }
        String text = query.strip();
        if (text.codePointCount(0, text.length()) > budget) {
            text = text.substring(0, text.offsetByCodePoints(0, budget));
        }
        float[] vector = embeddings.embed(text, NewsArchiver.SERVICE);
        return store.search(vector, limit, filter);
    }
}
