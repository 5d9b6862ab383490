package com.primejennie.shared.messaging;

import java.time.Instant;
import java.util.Map;

/**
 * One message as a handler receives it: the decoded payload plus where it came from.
 *
 * @param stream  the stream it was read from
 * @param id      the entry id ({@code <ms>-<seq>}); its first part is the time Redis stored it
 * @param payload the decoded message
 * @param fields  the raw entry fields, as written
 */
public record ReceivedMessage<T>(String stream, String id, T payload, Map<String, String> fields) {

    /** When Redis stored the entry (from the id). */
    public Instant storedAt() {
        return Instant.ofEpochMilli(StreamIds.millis(id));
    }
}
