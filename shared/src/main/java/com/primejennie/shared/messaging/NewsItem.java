package com.primejennie.shared.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code stream:news:raw} as the news collector writes it.
 *
 * @param pageContent  the one-line text ({@code page_content})
 * @param metadataJson the {@code metadata} field, a JSON object as text (stock_code, source_url, …); may be null
 * @param publishedAt  ISO-UTC time of publishing ({@code published_at}); may be null
 */
public record NewsItem(String pageContent, String metadataJson, String publishedAt) {

    public NewsItem {
        Objects.requireNonNull(pageContent, "pageContent");
    }

    static NewsItem fromFields(Map<String, String> f) {
        return new NewsItem(f.get("page_content"), f.get("metadata"), f.get("published_at"));
    }

    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page_content", pageContent);
        if (metadataJson != null) {
            fields.put("metadata", metadataJson);
        }
        if (publishedAt != null) {
            fields.put("published_at", publishedAt);
        }
        return fields;
    }
}
