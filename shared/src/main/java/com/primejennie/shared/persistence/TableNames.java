package com.primejennie.shared.persistence;

import java.util.Locale;
import java.util.Set;

/**
 * The table names of one trading mode. In {@code MOCK} mode the Python suite writes {@code ACTIVE_PORTFOLIO},
 * {@code TRADELOG}, {@code PORTFOLIO}, {@code NEWS_SENTIMENT} and {@code AGENT_COMMANDS} with a {@code _MOCK} suffix;
 * every other table ({@code CONFIG}, {@code WATCHLIST}, {@code STOCK_DAILY_PRICES_3Y}, ...) is shared by both modes.
 * Repositories take their table names only from here, so a mock run can never touch real positions.
 *
 * <p>Unlike the Python suite, which suffixed only when {@code TRADING_MODE} was exactly {@code "MOCK"} (so a typo
 * such as {@code "Mock"} silently wrote to the REAL tables), the mode is parsed strictly: {@code REAL} or
 * {@code MOCK}, case-insensitive, anything else is rejected.
 */
public record TableNames(boolean mock) {

    /** The tables that get the {@code _MOCK} suffix in mock mode. */
    public static final Set<String> MODE_SPECIFIC = Set.of(
            "ACTIVE_PORTFOLIO", "TRADELOG", "PORTFOLIO", "NEWS_SENTIMENT", "AGENT_COMMANDS");

    /**
     * The names for the value of {@code TRADING_MODE} ({@code jennie.trading-mode}).
     *
     * @throws IllegalArgumentException when the mode is neither REAL nor MOCK, naming the value
     */
    public static TableNames forTradingMode(String tradingMode) {
        String mode = tradingMode == null ? "" : tradingMode.trim().toUpperCase(Locale.ROOT);
        return switch (mode) {
            case "REAL" -> new TableNames(false);
            case "MOCK" -> new TableNames(true);
            default -> throw new IllegalArgumentException("TRADING_MODE must be REAL or MOCK, was '" + tradingMode
                    + "' (refusing to guess which tables to trade on)");
        };
    }

    /** {@code REAL} or {@code MOCK}. */
    public String tradingMode() {
        return mock ? "MOCK" : "REAL";
    }

    /** The name of {@code baseTable} in this mode (upper-case, suffixed when mock and mode-specific). */
    public String of(String baseTable) {
        String base = baseTable.toUpperCase(Locale.ROOT);
        return mock && MODE_SPECIFIC.contains(base) ? base + "_MOCK" : base;
    }

    public String activePortfolio() {
        return of("ACTIVE_PORTFOLIO");
    }

    public String tradeLog() {
        return of("TRADELOG");
    }

    public String newsSentiment() {
        return of("NEWS_SENTIMENT");
    }

    public String agentCommands() {
        return of("AGENT_COMMANDS");
    }
}
