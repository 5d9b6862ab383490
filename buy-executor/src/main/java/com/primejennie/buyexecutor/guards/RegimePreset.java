package com.primejennie.buyexecutor.guards;

import java.util.Map;

/**
 * The regime's preset (spec buy-path §3.2 step 5): BULL → aggressive_swing, BEAR → iron_shield, anything else →
 * balanced_champion. It supplies only defaults: an operator's explicit value (DB or environment) wins (§5.9 fixed).
 */
public record RegimePreset(String name, double maxPositionValuePct, double maxSectorPct, double cashKeepPct,
                           int maxBuyCountPerDay) {

    public static final RegimePreset AGGRESSIVE_SWING = new RegimePreset("aggressive_swing", 15, 35, 3, 6);
    public static final RegimePreset BALANCED_CHAMPION = new RegimePreset("balanced_champion", 15, 30, 5, 6);
    public static final RegimePreset IRON_SHIELD = new RegimePreset("iron_shield", 15, 35, 5, 6);

    private static final Map<String, RegimePreset> BY_NAME = Map.of(AGGRESSIVE_SWING.name, AGGRESSIVE_SWING,
            BALANCED_CHAMPION.name, BALANCED_CHAMPION, IRON_SHIELD.name, IRON_SHIELD);

    /** The preset for a regime. */
    public static RegimePreset forRegime(String regime) {
        return switch (regime == null ? "" : regime) {
            case "BULL" -> AGGRESSIVE_SWING;
            case "BEAR" -> IRON_SHIELD;
            default -> BALANCED_CHAMPION;
        };
    }

    /** A named preset from the payload ({@code strategy_preset.name}), else the regime's. */
    public static RegimePreset named(String name, String regime) {
        return name != null && BY_NAME.containsKey(name) ? BY_NAME.get(name) : forRegime(regime);
    }
}
