package com.primejennie.newsarchiver.chunking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits an article into chunks the embedding server accepts: the recursive character splitter of the Python archiver
 * (spec/control-and-intelligence.md §4: paragraph → line → space → character), measured in Unicode code points so a
 * chunk never exceeds {@code EmbeddingClient}'s input budget (250 code points for the 256-token server; the spec's
 * 500 characters would be refused). Neighbouring chunks overlap by the same proportion as the spec's 50 of 500.
 *
 * <p>The algorithm is LangChain's {@code RecursiveCharacterTextSplitter}: split on the first separator the text
 * contains, greedily merge the pieces up to the chunk size (keeping up to {@code overlap} code points of the previous
 * chunk), and split any piece that is still too long with the next separator. Chunks are trimmed; blank ones dropped.
 */
public final class TextChunker {

    /** The spec's proportion: 50 characters of overlap on 500-character chunks. */
    public static final double OVERLAP_RATIO = 50.0 / 500.0;
    private static final List<String> SEPARATORS = List.of("\n\n", "\n", " ", "");

    private final int chunkSize;
    private final int overlap;

    /** Chunks of at most {@code chunkSize} code points with the spec's proportional overlap. */
    public TextChunker(int chunkSize) {
        this(chunkSize, (int) Math.round(chunkSize * OVERLAP_RATIO));
    }

    public TextChunker(int chunkSize, int overlap) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, was " + chunkSize);
        }
        if (overlap < 0 || overlap >= chunkSize) {
            throw new IllegalArgumentException("overlap must be >= 0 and < chunkSize " + chunkSize + ", was "
                    + overlap);
        }
        this.chunkSize = chunkSize;
        this.overlap = overlap;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int overlap() {
        return overlap;
    }

    /** The chunks of {@code text}, in order; empty for blank text. Each has at most {@link #chunkSize()} code points. */
    public List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> chunks = new ArrayList<>();
        for (String chunk : split(normalised, SEPARATORS)) {
            String trimmed = chunk.strip();
            if (!trimmed.isEmpty()) {
                chunks.add(trimmed);
            }
        }
        return chunks;
    }

    private List<String> split(String text, List<String> separators) {
        String separator = separators.get(separators.size() - 1);
        List<String> next = List.of();
        for (int i = 0; i < separators.size(); i++) {
            String s = separators.get(i);
            if (s.isEmpty()) {
                separator = s;
                break;
            }
            if (text.contains(s)) {
                separator = s;
                next = separators.subList(i + 1, separators.size());
                break;
            }
        }
        List<String> result = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (String piece : pieces(text, separator)) {
            if (length(piece) < chunkSize) {
                good.add(piece);
            } else {
                if (!good.isEmpty()) {
                    result.addAll(merge(good, separator));
                    good.clear();
                }
                if (next.isEmpty()) {
                    result.add(piece);
                } else {
                    result.addAll(split(piece, next));
                }
            }
        }
        if (!good.isEmpty()) {
            result.addAll(merge(good, separator));
        }
        return result;
    }

    /** Non-empty pieces of {@code text} between separators; code points for the empty separator. */
    private static List<String> pieces(String text, String separator) {
        List<String> pieces = new ArrayList<>();
        if (separator.isEmpty()) {
            text.codePoints().forEach(cp -> pieces.add(new String(Character.toChars(cp))));
            return pieces;
        }
        int from = 0;
        while (true) {
            int at = text.indexOf(separator, from);
            String piece = at < 0 ? text.substring(from) : text.substring(from, at);
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            if (at < 0) {
                return pieces;
            }
            from = at + separator.length();
        }
    }

    private List<String> merge(List<String> pieces, String separator) {
        int separatorLength = length(separator);
        List<String> chunks = new ArrayList<>();
        Deque<String> current = new ArrayDeque<>();
        int total = 0;
        for (String piece : pieces) {
            int pieceLength = length(piece);
            if (total + pieceLength + (current.isEmpty() ? 0 : separatorLength) > chunkSize) {
                if (!current.isEmpty()) {
                    chunks.add(String.join(separator, current));
                    while (total > overlap
                            || (total > 0 && total + pieceLength + (current.isEmpty() ? 0 : separatorLength)
                            > chunkSize)) {
                        total -= length(current.peekFirst()) + (current.size() > 1 ? separatorLength : 0);
                        current.pollFirst();
                    }
                }
            }
            current.addLast(piece);
            total += pieceLength + (current.size() > 1 ? separatorLength : 0);
        }
        if (!current.isEmpty()) {
            chunks.add(String.join(separator, current));
        }
        return chunks;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
