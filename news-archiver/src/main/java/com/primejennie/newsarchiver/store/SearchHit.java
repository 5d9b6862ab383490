package com.primejennie.newsarchiver.store;

/**
 * A search result: the stored chunk (without its vector) and its cosine similarity to the query, -1..1, higher is
 * closer (both stores report the same scale, so a threshold means the same thing on either).
 */
public record SearchHit(StoredChunk chunk, double score) {
}
