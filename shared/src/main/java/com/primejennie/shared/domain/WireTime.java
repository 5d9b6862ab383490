package com.primejennie.shared.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Timestamps as the Python suite writes them in messages: {@code datetime.isoformat()} of an aware UTC time, e.g.
 * {@code 2026-02-11T01:23:00.412345+00:00} (microseconds, omitted when zero; {@code +00:00}, not {@code Z}). Message
 * records keep such fields as strings so they round-trip unchanged; this class writes and reads them.
 */
public final class WireTime {

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private WireTime() {
    }

    /** {@code instant} as Python's {@code datetime.now(timezone.utc).isoformat()} prints it (truncated to µs). */
    public static String format(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        return utc.getNano() / 1_000 == 0 ? utc.format(WHOLE_SECONDS) : utc.format(MICROS);
    }

    /**
     * Reads an ISO-8601 timestamp with an offset or {@code Z}; a naive one (no offset, as some producers write local
     * time) is taken in {@code zoneForNaive}. Malformed text fails with the text in the message.
     */
    public static Instant parse(String text, ZoneId zoneForNaive) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(zoneForNaive, "zoneForNaive");
        String t = text.strip();
        try {
            if (t.endsWith("Z") || t.endsWith("z")) {
                return OffsetDateTime.parse(t.substring(0, t.length() - 1) + "+00:00").toInstant();
            }
            if (t.length() > 19 && (t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10)) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zoneForNaive).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp: '" + text + "'", e);
        }
    }
}
