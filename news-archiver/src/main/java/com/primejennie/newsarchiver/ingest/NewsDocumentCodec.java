package com.primejennie.newsarchiver.ingest;

import java.util.Map;

import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.NewsItem;
import com.primejennie.shared.messaging.StreamCodec;
import com.primejennie.shared.messaging.UnparseableMessageException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code stream:news:raw} entries ({@link FieldMapCodec#newsRaw()}) and parses the {@code metadata} JSON text
 * here, so an entry whose metadata is not a JSON object is "unparseable" and goes straight to the dead-letter stream
 * instead of being retried. A missing {@code metadata} field is an empty object (the item is still archived).
 */
public final class NewsDocumentCodec implements StreamCodec<NewsDocument> {

    private final FieldMapCodec<NewsItem> fields = FieldMapCodec.newsRaw();
    private final JsonMapper mapper;

    public NewsDocumentCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Map<String, String> encode(NewsDocument value) {
        return fields.encode(new NewsItem(value.pageContent(), mapper.writeValueAsString(value.metadata()),
                value.publishedAt()));
    }

    @Override
    public NewsDocument decode(Map<String, String> entry) throws UnparseableMessageException {
        NewsItem item = fields.decode(entry);
        String json = item.metadataJson();
        if (json == null || json.isBlank()) {
            return new NewsDocument(item.pageContent(), mapper.createObjectNode(), item.publishedAt());
        }
        JsonNode metadata;
        try {
            metadata = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new UnparseableMessageException("metadata is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(metadata instanceof ObjectNode object)) {
            throw new UnparseableMessageException("metadata must be a JSON object, was " + json);
        }
        return new NewsDocument(item.pageContent(), object, item.publishedAt());
    }
}
