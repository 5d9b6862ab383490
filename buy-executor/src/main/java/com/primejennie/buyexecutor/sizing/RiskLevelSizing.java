package com.primejennie.buyexecutor.sizing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.trading.RiskLevel;

/**
 * The operator's {@code /risk} level ({@code RISK_LEVEL}) as a factor on {@code RISK_PER_TRADE_PCT}, the share of
 * total assets one trade may risk in ATR risk parity: conservative 0.5, moderate 1.0 (the Python sizing unchanged),
 * aggressive 1.5. The Python bot stored the level and nothing read it (spec/control-and-intelligence.md §1.4)
 * [DEFECT, fixed]; the spec gives no numbers, only the bot's descriptions ("small positions" / "default positions" /
 * "large positions"), so these are our decision. The factor acts before the caps: the 12 % of total assets, the cash
 * keep ratio, the 5 % heat brake, the portfolio guard and diversification still bound an aggressive buy. Manual
 * quantities are not scaled. A stored value that is not a level is read as conservative (never larger by mistake).
 */
public final class RiskLevelSizing {

    private static final Logger log = LoggerFactory.getLogger(RiskLevelSizing.class);

    private RiskLevelSizing() {
    }

    /** The factor on the risk per trade for {@code level}. */
    public static double riskPerTradeFactor(RiskLevel level) {
        return switch (level) {
            case CONSERVATIVE -> 0.5;
            case MODERATE -> 1.0;
            case AGGRESSIVE -> 1.5;
        };
    }

    /** The level in the settings ({@code CONFIG}, env, default moderate); an unreadable value is conservative. */
    public static RiskLevel level(RuntimeSettings settings) {
        String stored = settings.get(SettingKeys.RISK_LEVEL);
        try {
            return RiskLevel.fromSetting(stored);
        } catch (IllegalArgumentException e) {
            log.warn("{}; sizing as conservative", e.getMessage());
            return RiskLevel.CONSERVATIVE;
        }
    }
}
