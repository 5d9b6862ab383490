package com.primejennie.shared.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An entry of {@code stream:news:raw} (spec/control-and-intelligence.md §4). Unlike the trading streams it has three
 * fields, not one {@code payload}: {@code page_content} (a one-line summary), {@code metadata} (a JSON string) and
 * {@code published_at} (ISO-8601 UTC). Use {@link #toStreamFields()} / {@link #fromStreamFields(Map)}.
 */
public record NewsMessage(String pageContent, Metadata metadata, String publishedAt) {

    /** The stream news-collector writes and news-archiver / news-analyzer read. */
    public static final String STREAM = "stream:news:raw";

    public NewsMessage {
        Objects.requireNonNull(pageContent, "page_content");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The metadata object, stored unchanged in the vector store; scout filters on {@code stock_code},
     * {@code stock_name} and {@code created_at_utc}, so those two nulls of general news are written explicitly.
     *
     * @param stockCode    6-digit code, or null for general (RSS) news
     * @param createdAtUtc article date as epoch seconds
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String stockCode, String stockName, String source, String sourceUrl, Long createdAtUtc) {
    }

    /** The stream entry's fields, in the collector's order. */
    public Map<String, String> toStreamFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page_content", pageContent);
        fields.put("metadata", WireJson.mapper().writeValueAsString(metadata));
        if (publishedAt != null) {
            fields.put("published_at", publishedAt);
        }
        return fields;
    }

    /** Reads a stream entry; a missing field or malformed metadata fails with the offending entry in the message. */
    public static NewsMessage fromStreamFields(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        String content = fields.get("page_content");
        String metadata = fields.get("metadata");
        if (content == null || metadata == null) {
            throw new IllegalArgumentException("news entry lacks page_content or metadata: " + fields);
        }
        try {
            return new NewsMessage(content, WireJson.mapper().readValue(metadata, Metadata.class),
                    fields.get("published_at"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("news entry has malformed metadata: " + metadata, e);
        }
    }
}
