package com.primejennie.shared.messaging;

/** Reads the time part of a stream entry id ({@code <unix-ms>-<seq>}). */
final class StreamIds {

    private StreamIds() {
    }

    static long millis(String id) {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }
}
