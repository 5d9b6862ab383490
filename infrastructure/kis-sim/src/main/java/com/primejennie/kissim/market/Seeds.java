package com.primejennie.kissim.market;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from the configured seed, a stock code and a purpose. */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom stream(long seed, String code, LocalDate date, String purpose) {
        long h = mix(seed);
        h = mix(h ^ code.hashCode());
        h = mix(h ^ (date == null ? 0 : date.toEpochDay()));
        h = mix(h ^ purpose.hashCode());
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
