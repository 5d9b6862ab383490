package com.primejennie.pricemonitor.exits.rules;

import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;

/**
 * The exit rules' settings (spec §4), read once per position refresh from {@link RuntimeSettings}; the hard-coded
 * Python constants (Profit Lock clamps, 500 000 KRW / 50 share minimum lot) are here too so every number lives in
 * one place.
 *
 * @param maxHoldingDaysEnabled inert in Python (no buy date reached the rule); default false = Python behaviour
 */
public record ExitThresholds(double atrMultiplier, double stopLossPct, boolean trailingEnabled,
                             double trailingActivationPct, double trailingMinProfitPct, double trailingDropPct,
                             boolean scaleOutEnabled, double rsiOverboughtThreshold, double rsiMinProfitPct,
                             double targetProfitPct, int maxHoldingDays, boolean maxHoldingDaysEnabled,
                             int gapDownWaitMinutes, double gapDownThresholdPct, double gapDownHardStopPct,
                             long scaleOutMinAmount, long scaleOutMinShares) {

    /** The Python defaults. */
    public static ExitThresholds defaults() {
        return new ExitThresholds(2.0, -6.0, true, 5.0, 3.0, 3.5, true, 75.0, 3.0, 10.0, 30, false, 5, -5.0, -10.0,
                500_000, 50);
    }

    /** From the runtime settings; RSI threshold per symbol; {@code maxHoldingDaysEnabled} from the exits config. */
    public static ExitThresholds from(RuntimeSettings s, String code, boolean maxHoldingDaysEnabled) {
        return new ExitThresholds(s.get(SettingKeys.ATR_MULTIPLIER), s.get(SettingKeys.SELL_STOP_LOSS_PCT),
                s.get(SettingKeys.TRAILING_TAKE_PROFIT_ENABLED), s.get(SettingKeys.TRAILING_TAKE_PROFIT_ACTIVATION_PCT),
                s.get(SettingKeys.TRAILING_MIN_PROFIT_PCT), s.get(SettingKeys.TRAILING_DROP_FROM_HIGH_PCT),
                s.get(SettingKeys.SCALE_OUT_ENABLED),
                s.getForSymbol(SettingKeys.SELL_RSI_OVERBOUGHT_THRESHOLD, code),
                s.get(SettingKeys.SELL_RSI_MIN_PROFIT_PCT), s.get(SettingKeys.SELL_TARGET_PROFIT_PCT),
                s.get(SettingKeys.MAX_HOLDING_DAYS), maxHoldingDaysEnabled, s.get(SettingKeys.GAP_DOWN_WAIT_MINUTES),
                s.get(SettingKeys.GAP_DOWN_THRESHOLD_PCT), s.get(SettingKeys.GAP_DOWN_HARD_STOP_PCT), 500_000, 50);
    }
}
