package com.primejennie.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry's keys, defaults and lookup order, against spec/llm-dashboard-infra.md §6 and buy-path.md §4. */
class SettingKeysTest {

    private final SettingsRegistry registry = SettingsRegistry.standard();

    /** The defaults that took effect in Python where the registry, the built-ins and the call sites disagree. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "MAX_BUY_COUNT_PER_DAY, 6",        // registry 6, call-site 5, every preset 6 on every buy
            "MAX_POSITION_VALUE_PCT, 15.0",    // built-in 15, registry 10, every preset 15
            "CASH_KEEP_PCT, 5.0",              // registry 10, presets 3/5; balanced_champion 5
            "MAX_SECTOR_PCT, 30.0",            // presets 30/35; balanced_champion 30
            "RISK_PER_TRADE_PCT, 1.0",         // call-site 1.0; built-in 2.0 never reached
            "SELL_STOP_LOSS_PCT, -6.0",        // call-site -6.0 beat built-in 5.0
            "ATR_MULTIPLIER, 2.0",
            "MAX_PORTFOLIO_SIZE, 10",
            "MOMENTUM_CONFIRMATION_BARS, 0",
            "MOMENTUM_LIMIT_ORDER_ENABLED, false",
            "SIGNAL_COOLDOWN_SECONDS, 600",
            "RECON_STOP_LOSS_PCT, -0.025",
            "ALLOW_BEAR_TRADING, false",
            "MIN_LLM_CONFIDENCE_BEAR, 85",
            "NO_TRADE_WINDOW_START, 09:00",
            "DANGER_ZONE_END, 15:00",
    })
    void defaultsAreTheValuesThatTookEffectInPython(String name, String expected) {
        assertThat(String.valueOf(registry.require(name).defaultValue())).isEqualTo(expected);
    }

    @Test
    void theRegistrysDbPriorityKeysAreReadFromTheTableFirst() {
        List<String> dbPriority = List.of("RECON_POSITION_MULT", "TIER2_POSITION_MULT", "RECON_STOP_LOSS_PCT",
                "RECON_MOMENTUM_MIN", "RECON_VOLUME_RATIO_MIN", "ENABLE_RECON_IN_BEAR", "BUY_GOLDEN_CROSS_SHORT",
                "BUY_GOLDEN_CROSS_LONG", "BUY_RSI_OVERSOLD_THRESHOLD", "BUY_RSI_OVERSOLD_BULL_THRESHOLD",
                "TIER2_VOLUME_MULTIPLIER", "TIER2_RSI_MIN", "TIER2_RSI_MAX", "TIER2_MIN_CONDITIONS",
                "MAX_BUY_COUNT_PER_DAY", "MAX_PORTFOLIO_SIZE", "MAX_POSITION_VALUE_PCT", "MAX_SECTOR_PCT",
                "CASH_KEEP_PCT", "CORRELATION_CHECK_ENABLED", "CORRELATION_THRESHOLD", "CORRELATION_BLOCK_THRESHOLD",
                "CORRELATION_ADJUST_POSITION", "PORTFOLIO_GUARD_ENABLED", "MAX_SECTOR_STOCKS",
                "CASH_FLOOR_STRONG_BULL_PCT", "CASH_FLOOR_BULL_PCT", "CASH_FLOOR_SIDEWAYS_PCT", "CASH_FLOOR_BEAR_PCT",
                "SELL_RSI_OVERBOUGHT_THRESHOLD", "TRAILING_TAKE_PROFIT_ENABLED", "TRAILING_TAKE_PROFIT_ACTIVATION_PCT",
                "TRAILING_TAKE_PROFIT_ATR_MULT", "SCALE_OUT_ENABLED", "SCALE_OUT_LEVEL_1_PCT",
                "SCALE_OUT_LEVEL_1_SELL_PCT", "SCALE_OUT_LEVEL_2_PCT", "SCALE_OUT_LEVEL_2_SELL_PCT",
                "SCALE_OUT_LEVEL_3_PCT", "SCALE_OUT_LEVEL_3_SELL_PCT", "DISABLE_MARKET_OPEN_CHECK",
                "RISK_GATE_VOLUME_RATIO", "RISK_GATE_VWAP_DEVIATION", "RISK_GATE_RSI_MAX",
                "GOLDEN_CROSS_MIN_VOLUME_RATIO", "NO_TRADE_WINDOW_START", "NO_TRADE_WINDOW_END", "DANGER_ZONE_START",
                "DANGER_ZONE_END", "SIGNAL_COOLDOWN_SECONDS");

        // Added after the Python registry: the upstream (2026-02-18) scanner keys, and the operator keys of issue 11
        // (the bot's /risk and /minscore) - CONFIG first, so an operator's value wins. UNMANAGED_HOLDINGS is env-first:
        // the order service reads it once at start-up (jennie.orders.unmanaged-codes).
        List<String> upstream = List.of("CONVICTION_MAX_DAYS_SINCE_ENTRY", "MOMENTUM_MAX_GAIN_PCT",
                "MOMENTUM_CONT_MAX_GAIN_PCT", "DIP_BUY_MIN_DROP_BULL", "DIP_BUY_MAX_DROP_BULL");
        List<String> operator = List.of("RISK_LEVEL", "MIN_LLM_SCORE");
        // issue 18: the data clean-up's retention per table, CONFIG first like the other operator keys
        List<String> data = List.of("DATA_RETENTION_MINUTE_BARS_DAYS", "DATA_RETENTION_LOG_DAYS",
                "DATA_RETENTION_LEDGER_DAYS");

        assertThat(registry.keys()).filteredOn(SettingKey::dbPriority).extracting(SettingKey::name)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.of(dbPriority, upstream, operator, data)
                        .flatMap(List::stream).toList());
    }

    @Test
    void secretsAreSensitiveStringsNeverReadFromTheTable() {
        assertThat(registry.keys()).filteredOn(SettingKey::sensitive).extracting(SettingKey::name)
                .contains("TELEGRAM_BOT_TOKEN", "TELEGRAM_CHAT_ID", "KIS_APP_SECRET", "MARIADB_PASSWORD")
                .hasSize(15);
        assertThat(registry.keys()).filteredOn(SettingKey::sensitive)
                .allSatisfy(key -> assertThat(key.dbPriority()).isFalse());
    }

    @Test
    void everyKeyHasATypeCategoryAndDescription() {
        assertThat(registry.keys()).hasSizeGreaterThan(90).allSatisfy(key -> {
            assertThat(key.category()).isNotBlank();
            assertThat(key.description()).isNotBlank();
            assertThat(key.defaultValue()).isNotNull();
        });
    }

    @Test
    void aNameRegisteredTwiceDifferentlyIsRejected() {
        SettingKey<Integer> clash = SettingKey.envFirst("MAX_BUY_COUNT_PER_DAY", SettingType.INT, 9, "Risk", "x");
        assertThatThrownBy(() -> new SettingsRegistry(List.of(SettingKeys.MAX_BUY_COUNT_PER_DAY, clash)))
                .hasMessageContaining("MAX_BUY_COUNT_PER_DAY").hasMessageContaining("twice");
        assertThatThrownBy(() -> SettingKey.envFirst("max_buy", SettingType.INT, 1, "Risk", "x"))
                .hasMessageContaining("'max_buy'");
    }
}
