package com.primejennie.pricemonitor.exits.rules;

import java.util.Locale;

/** Python-compatible number formatting for the reason strings ({@code :.1f}, {@code :,.0f}, {@code str(float)}). */
final class Fmt {

    private Fmt() {
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String thousands(double v) {
        return String.format(Locale.US, "%,.0f", v);
    }

    /** Python's {@code str(float)} for the values settings hold (e.g. -6.0, 3.5). */
    static String py(double v) {
        return Double.toString(v);
    }
}
