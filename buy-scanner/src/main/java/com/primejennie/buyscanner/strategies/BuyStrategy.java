package com.primejennie.buyscanner.strategies;

import java.util.Map;

import com.primejennie.buyscanner.evaluation.EvaluationContext;

/**
 * One buy strategy of spec/buy-path.md §2.6 (or spec/upstream-2026-02-18.md): given one stock's evaluation context
 * and its watchlist params, does it fire, and why (not). Must not throw for ordinary data; if it does anyway, the
 * {@link StrategyBook} contains it. Which strategies run, in which order and regime, is the book's business.
 */
public interface BuyStrategy {

    String id();

    StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params);

    /** A number from the watchlist params, else {@code fallback}. */
    static double param(Map<String, Object> params, String name, double fallback) {
        Object v = params == null ? null : params.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strategy param '" + name + "' is not a number: '" + s + "'");
            }
        }
        return fallback;
    }

    static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", v);
    }

    static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
