package com.primejennie.shared.messaging;

import java.util.Map;

/**
 * Turns a message into the fields of a stream entry and back. The trading streams carry one {@code payload} JSON field
 * ({@link JsonPayloadCodec}); the price and news streams carry plain fields ({@link FieldMapCodec}). Implementations
 * are immutable and thread-safe.
 */
public interface StreamCodec<T> {

    /** The entry fields for {@code value}; throws {@link IllegalArgumentException} naming what is wrong with it. */
    Map<String, String> encode(T value);

    /** The message held by {@code fields}; throws {@link UnparseableMessageException} when they do not form one. */
    T decode(Map<String, String> fields) throws UnparseableMessageException;
}
