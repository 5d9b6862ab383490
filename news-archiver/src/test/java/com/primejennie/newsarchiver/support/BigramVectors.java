package com.primejennie.newsarchiver.support;

/**
 * Deterministic stand-in embeddings: each character bigram of the text (code points, whitespace dropped) adds ±1 to
 * one of {@code dimension} coordinates chosen by its hash, then the vector is normalised. Texts sharing many bigrams
 * are close in cosine, unrelated texts nearly orthogonal - enough to test ranking without a model.
 */
public final class BigramVectors {

    private BigramVectors() {
    }

    public static float[] of(String text, int dimension) {
        float[] v = new float[dimension];
        int[] cps = text.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        if (cps.length == 1) {
            add(v, cps[0] * 31L, dimension);
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            add(v, cps[i] * 1_000_003L + cps[i + 1], dimension);
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float inv = (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static void add(float[] v, long key, int dimension) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        int index = (int) Math.floorMod(h, (long) dimension);
        v[index] += (h & (1L << 40)) == 0 ? 1f : -1f;
    }
}
