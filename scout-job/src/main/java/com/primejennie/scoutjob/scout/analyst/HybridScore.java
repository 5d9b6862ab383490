package com.primejennie.scoutjob.scout.analyst;

/**
 * The arithmetic that turns a quant total {@code q} and the analyst's raw score {@code r} into the hybrid score
 * (spec/control-and-intelligence.md §3.7 step 7): the ±15 guardrail, the competitor bonus, the blend, the approval
 * (h ≥ 50) and tradable (h ≥ 75) cut-offs and the grade.
 */
public final class HybridScore {

    /** How far the analyst may move the quant score. */
    public static final double GUARDRAIL = 15;
    public static final double APPROVAL_CUTOFF = 50;
    public static final double TRADABLE_CUTOFF = 75;

    private HybridScore() {
    }

    /** {@code l = clamp(r, q − 15, q + 15)}, then {@code min(100, l + bonus)} when the competitor bonus is positive. */
    public static double guardrail(double q, double r, double bonus) {
        double l = Math.max(q - GUARDRAIL, Math.min(q + GUARDRAIL, r));
        if (bonus > 0) {
            l = Math.min(100, l + bonus);
        }
        return l;
    }

    /**
     * The blend: {@code |q − l| ≥ 30} (only reachable through the bonus): {@code q < l → 0.75q + 0.25l}, else
     * {@code 0.40q + 0.60l}; else {@code l < 40 → 0.45q + 0.55l}; else {@code 0.60q + 0.40l}.
     */
    public static double blend(double q, double l) {
        if (Math.abs(q - l) >= 30) {
            return q < l ? 0.75 * q + 0.25 * l : 0.40 * q + 0.60 * l;
        }
        if (l < 40) {
            return 0.45 * q + 0.55 * l;
        }
        return 0.60 * q + 0.40 * l;
    }

    public static boolean approved(double h) {
        return h >= APPROVAL_CUTOFF;
    }

    public static boolean tradable(double h) {
        return h >= TRADABLE_CUTOFF;
    }

    /** S ≥ 80, A ≥ 70, B ≥ 60, C ≥ 50, else D. */
    public static String grade(double h) {
        return h >= 80 ? "S" : h >= 70 ? "A" : h >= 60 ? "B" : h >= 50 ? "C" : "D";
    }

    /** Rounded to two decimals, as written to the watchlist. */
    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
