package com.primejennie.shared.messaging;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A codec for streams whose entries carry plain string fields instead of one JSON payload ({@code kis:prices},
 * {@code stream:news:raw}). Checks the required fields, then maps the field map to {@code T} with the given reader;
 * a reader exception (a bad number, …) makes the entry unparseable.
 */
public final class FieldMapCodec<T> implements StreamCodec<T> {

    private final List<String> required;
    private final Function<Map<String, String>, T> reader;
    private final Function<T, Map<String, String>> writer;

    public FieldMapCodec(List<String> required, Function<Map<String, String>, T> reader,
                         Function<T, Map<String, String>> writer) {
        this.required = List.copyOf(required);
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** The fields as they are, with {@code required} checked. */
    public static FieldMapCodec<Map<String, String>> raw(List<String> required) {
        return new FieldMapCodec<>(required, Map::copyOf, Map::copyOf);
    }

    /** {@code kis:prices}: {@code code}, {@code price}, optional {@code high}, {@code vol}, {@code time}. */
    public static FieldMapCodec<PriceTick> kisPrices() {
        return new FieldMapCodec<>(List.of("code", "price"), PriceTick::fromFields, PriceTick::toFields);
    }

    /** {@code stream:news:raw}: {@code page_content}, {@code metadata} (JSON text), {@code published_at}. */
    public static FieldMapCodec<NewsItem> newsRaw() {
        return new FieldMapCodec<>(List.of("page_content"), NewsItem::fromFields, NewsItem::toFields);
    }

    @Override
    public Map<String, String> encode(T value) {
        if (value == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        Map<String, String> fields = writer.apply(value);
        for (String name : required) {
            if (fields.get(name) == null) {
                throw new IllegalArgumentException("field '" + name + "' is required, got " + fields);
            }
        }
        return fields;
    }

    @Override
    public T decode(Map<String, String> fields) throws UnparseableMessageException {
        for (String name : required) {
            String value = fields.get(name);
            if (value == null || value.isBlank()) {
                throw new UnparseableMessageException("field '" + name + "' is missing or blank, fields are "
                        + fields.keySet());
            }
        }
        try {
            return reader.apply(fields);
        } catch (RuntimeException e) {
            throw new UnparseableMessageException("cannot read fields " + fields + ": " + e.getMessage(), e);
        }
    }
}
