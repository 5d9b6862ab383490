package com.primejennie.shared.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a message into parts Telegram accepts (at most {@value #TELEGRAM_LIMIT} UTF-16 characters each; the Python
 * sender did not split, so long reports failed [QUIRK, fixed]). It cuts after the last line break that fits, else at
 * the last space, else hard, and never between the two halves of a surrogate pair (an emoji stays whole). The parts
 * concatenate back to the original text.
 */
public final class MessageSplitter {

    /** Telegram's {@code sendMessage} text limit. */
    public static final int TELEGRAM_LIMIT = 4096;

    private MessageSplitter() {
    }

    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("split limit must be at least 2, was " + limit);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (text.length() - start > limit) {
            int end = start + limit;
            int cut = text.lastIndexOf('\n', end - 1);
            if (cut >= start + limit / 2) {
                cut = cut + 1;
            } else {
                int space = text.lastIndexOf(' ', end - 1);
                cut = space >= start + limit / 2 ? space + 1 : end;
            }
            if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            parts.add(text.substring(start, cut));
            start = cut;
        }
        parts.add(text.substring(start));
        return parts;
    }
}
