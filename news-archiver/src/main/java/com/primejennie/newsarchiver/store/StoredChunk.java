package com.primejennie.newsarchiver.store;

import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One chunk as the vector store keeps it: the spec's LangChain payload ({@code page_content}, and {@code metadata}
 * exactly as the collector wrote it: {@code stock_code}, {@code stock_name}, {@code source}, {@code source_url},
 * {@code created_at_utc}) plus its id and vector. The vector is null when a chunk is read back without it.
 *
 * @param id          a UUID string (Qdrant's point id); the archiver derives it from the document key and chunk index
 *                    so that archiving the same item again replaces instead of duplicating
 * @param pageContent the chunk text that was embedded
 * @param metadata    the item's metadata object, unchanged
 * @param vector      the embedding, or null
 */
public record StoredChunk(String id, String pageContent, ObjectNode metadata, float[] vector) {

    public StoredChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pageContent, "pageContent");
        Objects.requireNonNull(metadata, "metadata");
    }

    public StoredChunk withVector(float[] value) {
        return new StoredChunk(id, pageContent, metadata, value);
    }

    /** {@code metadata.stock_code}, or null for general news. */
    public String stockCode() {
        return text(metadata, "stock_code");
    }

    /** {@code metadata.source_url}, or null. */
    public String sourceUrl() {
        return text(metadata, "source_url");
    }

    /** {@code metadata.created_at_utc} (epoch seconds), or null when absent or not a number. */
    public Long createdAtUtc() {
        return createdAtUtc(metadata);
    }

    static String text(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text;
    }

    static Long createdAtUtc(JsonNode metadata) {
        JsonNode value = metadata.get("created_at_utc");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return (long) Double.parseDouble(value.asString().trim());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
