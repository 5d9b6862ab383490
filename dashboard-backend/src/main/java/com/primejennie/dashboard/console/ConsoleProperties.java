package com.primejennie.dashboard.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What only the web console reads from configuration ({@code jennie.console.*}), defaults in one place. Service URLs,
 * streams, the scheduler's address and the HTTP timeout are the API's ({@code jennie.dashboard.*}).
 *
 * @param profitUpColor   colour of a gain; red by default, as Korean users read prices
 * @param profitDownColor colour of a loss; blue by default
 * @param feedSize        how many live-feed lines the overview keeps
 */
@ConfigurationProperties("jennie.console")
public record ConsoleProperties(String profitUpColor, String profitDownColor, Integer feedSize) {

    public ConsoleProperties {
        profitUpColor = blank(profitUpColor) ? "#d32f2f" : profitUpColor.trim();
        profitDownColor = blank(profitDownColor) ? "#1565c0" : profitDownColor.trim();
        feedSize = feedSize == null || feedSize < 1 ? 50 : feedSize;
        for (String color : new String[] {profitUpColor, profitDownColor}) {
            if (!color.matches("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")) {
                throw new IllegalArgumentException("jennie.console.profit-up-color/-down-color must be a CSS colour "
                        + "like #d32f2f, was '" + color + "'");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
