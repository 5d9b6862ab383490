package com.primejennie.shared.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three ways to run the suite, chosen with {@code SPRING_PROFILES_ACTIVE}: {@code mock} (a local kis-sim, its own
 * database and Redis database), {@code paper} (KIS's paper servers) and {@code real} (KIS's real servers). Each ships
 * its defaults in {@code jennie-profiles/<name>.properties}; see {@link TradingProfileEnvironment}.
 */
public enum TradingProfile {
    MOCK("MOCK"), PAPER("MOCK"), REAL("REAL");

    private final String tradingMode;

    TradingProfile(String tradingMode) {
        this.tradingMode = tradingMode;
    }

    /** The Spring profile name. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code TRADING_MODE} this profile runs in ({@code MOCK} for mock and paper, {@code REAL} for real). */
    public String tradingMode() {
        return tradingMode;
    }

    /** The classpath resource holding this profile's defaults. */
    String resource() {
        return "jennie-profiles/" + profileName() + ".properties";
    }

    /**
     * The trading profile among {@code activeProfiles}, empty when none is active.
     *
     * @throws IllegalStateException when more than one is active (e.g. {@code mock,real}): which account would trade?
     */
    public static Optional<TradingProfile> fromActiveProfiles(String... activeProfiles) {
        List<TradingProfile> found = new ArrayList<>();
        for (String active : activeProfiles) {
            for (TradingProfile p : values()) {
                if (p.profileName().equalsIgnoreCase(active.trim()) && !found.contains(p)) {
                    found.add(p);
                }
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException("only one of the profiles mock, paper, real may be active, got "
                    + Arrays.toString(activeProfiles));
        }
        return found.stream().findFirst();
    }
}
