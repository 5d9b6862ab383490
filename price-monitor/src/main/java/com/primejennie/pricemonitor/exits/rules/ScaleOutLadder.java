package com.primejennie.pricemonitor.exits.rules;

import java.util.List;

/**
 * The scale-out regime tables of spec §1.6 (the values the Python suite traded with). Only the exact regimes
 * {@code BULL} and {@code BEAR} have their own table; everything else uses SIDEWAYS.
 */
public final class ScaleOutLadder {

    /** One rung: sell {@code sellPct} of the remaining position once profit reaches {@code targetPct}. */
    public record Level(int level, double targetPct, double sellPct) {
    }

    public static final List<Level> BULL = List.of(new Level(1, 3.0, 25), new Level(2, 7.0, 25),
            new Level(3, 15.0, 25), new Level(4, 25.0, 15));
    public static final List<Level> SIDEWAYS = List.of(new Level(1, 3.0, 25), new Level(2, 7.0, 25),
            new Level(3, 12.0, 25), new Level(4, 18.0, 15));
    public static final List<Level> BEAR = List.of(new Level(1, 2.0, 25), new Level(2, 5.0, 25),
            new Level(3, 8.0, 25), new Level(4, 12.0, 15));

    private ScaleOutLadder() {
    }

    /** The table for {@code regime} and the label printed in the reason. */
    public static List<Level> forRegime(String regime) {
        if ("BULL".equals(regime)) {
            return BULL;
        }
        if ("BEAR".equals(regime)) {
            return BEAR;
        }
        return SIDEWAYS;
    }

    public static String label(String regime) {
        return "BULL".equals(regime) || "BEAR".equals(regime) ? regime : "SIDEWAYS";
    }
}
