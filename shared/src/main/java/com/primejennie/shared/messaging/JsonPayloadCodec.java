package com.primejennie.shared.messaging;

import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of the trading streams, shared with the Python suite: one field {@code payload} holding a UTF-8 JSON
 * object, non-ASCII written as-is. Encodes any object with the given mapper; a {@link String} is taken as JSON that is
 * already serialised (checked to be one JSON object, so a producer cannot publish poison). Decodes into {@code type}.
 */
public final class JsonPayloadCodec<T> implements StreamCodec<T> {

    private final JsonMapper mapper;
    private final Class<T> type;

    public JsonPayloadCodec(JsonMapper mapper, Class<T> type) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A mapper that writes non-ASCII characters unescaped, as Python's {@code json.dumps(ensure_ascii=False)}. */
    public static JsonMapper defaultMapper() {
        return JsonMapper.builder().build();
    }

    /** Decodes to a {@link JsonNode} object tree, for handlers that read the payload loosely. */
    public static JsonPayloadCodec<JsonNode> tree(JsonMapper mapper) {
        return new JsonPayloadCodec<>(mapper, JsonNode.class);
    }

    @Override
    public Map<String, String> encode(T value) {
        return Map.of(Streams.PAYLOAD_FIELD, toJson(value));
    }

    /** The JSON text of {@code value}; a {@link String} must already be one JSON object and is kept as it is. */
    public String toJson(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        if (value instanceof String json) {
            JsonNode node;
            try {
                node = mapper.readTree(json);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("payload string is not valid JSON: " + e.getOriginalMessage()
                        + " in " + abbreviate(json), e);
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("payload string must be one JSON object, got " + abbreviate(json));
            }
            return json;
        }
        try {
            String json = mapper.writeValueAsString(value);
            if (!json.startsWith("{")) {
                throw new IllegalArgumentException("payload must serialise to a JSON object, got " + abbreviate(json)
                        + " from " + value.getClass().getName());
            }
            return json;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot serialise payload of type " + value.getClass().getName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(Map<String, String> fields) throws UnparseableMessageException {
        String json = fields.get(Streams.PAYLOAD_FIELD);
        if (json == null) {
            throw new UnparseableMessageException("no '" + Streams.PAYLOAD_FIELD + "' field, fields are "
                    + fields.keySet());
        }
        try {
            if (type == JsonNode.class) {
                JsonNode node = mapper.readTree(json);
                if (node == null || !node.isObject()) {
                    throw new UnparseableMessageException("payload is not a JSON object: " + abbreviate(json));
                }
                return type.cast(node);
            }
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new UnparseableMessageException("payload is JSON null");
            }
            return value;
        } catch (JacksonException e) {
            throw new UnparseableMessageException("payload is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
