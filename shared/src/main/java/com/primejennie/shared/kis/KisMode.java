package com.primejennie.shared.kis;

/**
 * Which KIS server the suite talks to. {@code TRADING_MODE=REAL} is the real account; {@code MOCK} is the paper
 * (모의투자) server or a local kis-sim, which speak the paper tr_ids. Base URL, tr_ids, keys and the rate budget all
 * follow from it.
 */
public enum KisMode {
    REAL, PAPER;

    /** Maps the Python suite's {@code TRADING_MODE} value ({@code REAL} or {@code MOCK}). */
    public static KisMode fromTradingMode(String tradingMode) {
        if (tradingMode == null || tradingMode.isBlank()) {
            return PAPER;
        }
        return switch (tradingMode.trim().toUpperCase()) {
            case "REAL" -> REAL;
            case "MOCK", "PAPER" -> PAPER;
            default -> throw new IllegalArgumentException(
                    "TRADING_MODE must be REAL or MOCK, got '" + tradingMode + "'");
        };
    }
}
