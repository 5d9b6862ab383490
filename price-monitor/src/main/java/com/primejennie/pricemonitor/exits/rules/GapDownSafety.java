package com.primejennie.pricemonitor.exits.rules;

import java.time.ZonedDateTime;

/**
 * Holds the fixed stop during the first minutes after the open on a gap down (spec §1.9), in Korea time — the
 * Python suite used the container's UTC clock, so its window was 18:00–18:05 KST and never applied ([QUIRK] fixed).
 */
public final class GapDownSafety {

    private GapDownSafety() {
    }

    /** Whether selling at {@code profitPct} now is allowed. */
    public static boolean isSafe(ZonedDateTime nowKst, double profitPct, ExitThresholds t) {
        if (profitPct <= t.gapDownHardStopPct()) {
            return true;
        }
        if (!(nowKst.getHour() == 9 && nowKst.getMinute() < t.gapDownWaitMinutes())) {
            return true;
        }
        return !(profitPct <= t.gapDownThresholdPct());
    }
}
