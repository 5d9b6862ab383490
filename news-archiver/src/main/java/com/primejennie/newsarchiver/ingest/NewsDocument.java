package com.primejennie.newsarchiver.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item of {@code stream:news:raw} as the archiver works with it: the text, the metadata object exactly as the
 * collector wrote it (kept unchanged for the store; unknown keys survive), and {@code published_at}.
 */
public record NewsDocument(String pageContent, ObjectNode metadata, String publishedAt) {

    public NewsDocument {
        Objects.requireNonNull(pageContent, "pageContent");
        Objects.requireNonNull(metadata, "metadata");
    }

    public String sourceUrl() {
        return text("source_url");
    }

    public String stockCode() {
        return text("stock_code");
    }

    public String stockName() {
        return text("stock_name");
    }

    public String source() {
        return text("source");
    }

    /** {@code metadata.created_at_utc} in epoch seconds, or null. */
    public Long createdAtUtc() {
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

    /**
     * The dedup key, a SHA-256 hex: of {@code source_url} when the item has one (as the Python archiver dedups), else
     * of the text (a collector that sends no URL still archives each item once).
     */
    public String docKey() {
        String url = sourceUrl();
        return sha256(url != null ? "url:" + url : "content:" + pageContent.strip());
    }

    /** SHA-256 of the text, for items without a URL. */
    public String contentHash() {
        return sha256(pageContent.strip());
    }

    private String text(String field) {
        JsonNode value = metadata.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
