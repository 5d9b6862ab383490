package com.primejennie.buyscanner.evaluation;

import java.util.Locale;

/** The market regimes the watchlist carries and the groups the rules use (spec §2.6, §5 item 15). */
public final class Regimes {

    private Regimes() {
    }

    /** BULL or STRONG_BULL. */
    public static boolean isBull(String regime) {
        String r = norm(regime);
        return r.equals("BULL") || r.equals("STRONG_BULL");
    }

    /** BEAR or STRONG_BEAR. */
    public static boolean isBear(String regime) {
        String r = norm(regime);
        return r.equals("BEAR") || r.equals("STRONG_BEAR");
    }

    public static boolean isSideways(String regime) {
        return norm(regime).equals("SIDEWAYS");
    }

    private static String norm(String regime) {
        return regime == null ? "UNKNOWN" : regime.toUpperCase(Locale.ROOT);
    }
}
