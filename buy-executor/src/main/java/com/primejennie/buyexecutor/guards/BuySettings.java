package com.primejennie.buyexecutor.guards;

import com.primejennie.buyexecutor.sizing.RiskLevelSizing;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKey;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.trading.RiskLevel;

/**
 * The settings of one buy decision, read once per signal: the regime preset supplies the defaults of its four keys and
 * an operator's explicit value (CONFIG row or environment) wins over it (spec §5.9 defect fixed: the Python preset
 * silently overrode the operator). {@code riskPerTradePct} is {@code RISK_PER_TRADE_PCT} scaled by the operator's
 * {@code RISK_LEVEL} ({@link RiskLevelSizing}). Settings come through {@link RuntimeSettings}, so a {@code /maxbuy} or
 * {@code /risk} change reaches the next signal once the settings cache ({@code jennie.settings.cache-ttl}) has expired.
 */
public record BuySettings(RegimePreset preset, double maxPositionValuePct, double maxSectorPct, double cashKeepPct,
                          int maxBuyCountPerDay, int maxPortfolioSize, double riskPerTradePct, double atrMultiplier,
                          int atrPeriod, int minQuantity, int maxQuantity, boolean intradayAtr,
                          boolean correlationCheck, double correlationBlock, boolean correlationAdjust,
                          double tier2Mult, double reconMult, double reconStopLossPct, boolean portfolioGuard,
                          int maxSectorStocks, double cashFloorPct, boolean momentumLimitOrders,
                          double limitPremium, int limitTimeoutSec, RiskLevel riskLevel) {

    /** Reads every setting for {@code regime} with {@code preset} as the default of the preset's keys. */
    public static BuySettings read(RuntimeSettings s, RegimePreset preset, String regime) {
        RiskLevel riskLevel = RiskLevelSizing.level(s);
        String floorRegime = PortfolioGuard.cashFloorRegime(regime);
        SettingKey<Double> floorKey = switch (floorRegime) {
            case "STRONG_BULL" -> SettingKeys.CASH_FLOOR_STRONG_BULL_PCT;
            case "BULL" -> SettingKeys.CASH_FLOOR_BULL_PCT;
            case "BEAR" -> SettingKeys.CASH_FLOOR_BEAR_PCT;
            default -> SettingKeys.CASH_FLOOR_SIDEWAYS_PCT;
        };
        return new BuySettings(preset,
                operatorOr(s, SettingKeys.MAX_POSITION_VALUE_PCT, preset.maxPositionValuePct()),
                operatorOr(s, SettingKeys.MAX_SECTOR_PCT, preset.maxSectorPct()),
                operatorOr(s, SettingKeys.CASH_KEEP_PCT, preset.cashKeepPct()),
                operatorOr(s, SettingKeys.MAX_BUY_COUNT_PER_DAY, preset.maxBuyCountPerDay()),
                s.get(SettingKeys.MAX_PORTFOLIO_SIZE),
                s.get(SettingKeys.RISK_PER_TRADE_PCT) * RiskLevelSizing.riskPerTradeFactor(riskLevel),
                s.get(SettingKeys.ATR_MULTIPLIER), s.get(SettingKeys.ATR_PERIOD), s.get(SettingKeys.MIN_QUANTITY),
                s.get(SettingKeys.MAX_QUANTITY),
                s.get(SettingKeys.USE_INTRADAY_ATR) && s.get(SettingKeys.ENABLE_INTRADAY_LOGIC),
                s.get(SettingKeys.CORRELATION_CHECK_ENABLED), s.get(SettingKeys.CORRELATION_BLOCK_THRESHOLD),
                s.get(SettingKeys.CORRELATION_ADJUST_POSITION), s.get(SettingKeys.TIER2_POSITION_MULT),
                s.get(SettingKeys.RECON_POSITION_MULT), s.get(SettingKeys.RECON_STOP_LOSS_PCT),
                s.get(SettingKeys.PORTFOLIO_GUARD_ENABLED), s.get(SettingKeys.MAX_SECTOR_STOCKS), s.get(floorKey),
                s.get(SettingKeys.MOMENTUM_LIMIT_ORDER_ENABLED), s.get(SettingKeys.MOMENTUM_LIMIT_PREMIUM),
                s.get(SettingKeys.MOMENTUM_LIMIT_TIMEOUT_SEC), riskLevel);
    }

    private static <T> T operatorOr(RuntimeSettings s, SettingKey<T> key, T presetValue) {
        String source = s.resolve(key.name()).source();
        return "db".equals(source) || "env".equals(source) ? s.get(key) : presetValue;
    }
}
