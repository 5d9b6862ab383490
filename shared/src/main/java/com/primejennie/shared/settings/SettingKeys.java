package com.primejennie.shared.settings;

import static com.primejennie.shared.settings.SettingKey.dbFirst;
import static com.primejennie.shared.settings.SettingKey.envFirst;
import static com.primejennie.shared.settings.SettingKey.secret;
import static com.primejennie.shared.settings.SettingType.BOOL;
import static com.primejennie.shared.settings.SettingType.FLOAT;
import static com.primejennie.shared.settings.SettingType.INT;
import static com.primejennie.shared.settings.SettingType.STR;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of runtime settings (the Python {@code shared/settings/registry.py}, its built-in
 * {@code ConfigManager} defaults, and the keys the services read with call-site defaults), in one place.
 *
 * <p><b>Which default.</b> Each default is the value that actually took effect in the Python suite when neither
 * {@code CONFIG} nor env set the key. In Python a call-site default beat the registry default
 * (spec/buy-path.md §4 step 3, spec/sell-path-and-broker.md §4), and the buy-executor's regime preset, written into
 * the highest-precedence memory tier before any of its reads (buy-path.md §3.2 step 5), beat both. The decisions
 * where sources disagree:
 * <ul>
 *   <li>{@link #MAX_BUY_COUNT_PER_DAY} = 6: registry 6, call-site 5; the call-site 5 is what the lookup fell back to,
 *       but the only reader (buy-executor) always had the preset's 6 (all three presets) in memory first, so 6 took
 *       effect on every buy.</li>
 *   <li>{@link #MAX_POSITION_VALUE_PCT} = 15.0: built-in 15, registry 10, call-site 10, preset 15 (all presets) on
 *       every buy.</li>
 *   <li>{@link #CASH_KEEP_PCT} = 5.0 and {@link #MAX_SECTOR_PCT} = 30.0: regime-dependent in Python (presets 3/5 and
 *       30/35); the defaults are the {@code balanced_champion} preset, the one used for SIDEWAYS, UNKNOWN and manual
 *       buys. buy-executor passes a regime's preset as the call-site default
 *       ({@link RuntimeSettings#get(SettingKey, Object)}), so an operator value in {@code CONFIG} or env now wins
 *       over the preset instead of being silently overwritten (buy-path.md §5 item 9).</li>
 *   <li>{@link #RISK_PER_TRADE_PCT} = 1.0: call-site 1.0; the built-in 2.0 was never reached.</li>
 *   <li>{@link #SELL_STOP_LOSS_PCT} = -6.0: call-site -6.0 beat the built-in 5.0 (a positive value is negated by the
 *       exit rule).</li>
 *   <li>{@link #MOMENTUM_LIMIT_ORDER_ENABLED} = false and {@link #MOMENTUM_CONFIRMATION_BARS} = 0: code defaults;
 *       production sets true and 1 through env, which still wins for these env-first keys.</li>
 *   <li>{@link #ALLOW_BEAR_TRADING} = false, {@link #MIN_LLM_CONFIDENCE_BEAR} = 85: built-in; production env sets
 *       true and 80.</li>
 * </ul>
 * Keys marked db-first are the registry's {@code db_priority} keys.
 */
public final class SettingKeys {

    private SettingKeys() {
    }

    // ------------------------------------------------------------------ Recon
    public static final SettingKey<Double> RECON_POSITION_MULT = dbFirst("RECON_POSITION_MULT", FLOAT, 0.3,
            "Recon", "Position size multiplier for RECON (scout) entries");
    public static final SettingKey<Double> TIER2_POSITION_MULT = dbFirst("TIER2_POSITION_MULT", FLOAT, 0.5,
            "Recon", "Position size multiplier for TIER2 entries");
    public static final SettingKey<Double> RECON_STOP_LOSS_PCT = dbFirst("RECON_STOP_LOSS_PCT", FLOAT, -0.025,
            "Recon", "Stop-loss fraction for RECON entries");
    public static final SettingKey<Double> RECON_MOMENTUM_MIN = dbFirst("RECON_MOMENTUM_MIN", FLOAT, 20.0,
            "Recon", "Minimum momentum for a RECON candidate");
    public static final SettingKey<Double> RECON_VOLUME_RATIO_MIN = dbFirst("RECON_VOLUME_RATIO_MIN", FLOAT, 1.5,
            "Recon", "Minimum volume ratio for a RECON candidate");
    public static final SettingKey<Boolean> ENABLE_RECON_IN_BEAR = dbFirst("ENABLE_RECON_IN_BEAR", BOOL, true,
            "Recon", "Allow RECON entries in a bear market");

    // ------------------------------------------------------------------ Signal
    public static final SettingKey<Integer> BUY_GOLDEN_CROSS_SHORT = dbFirst("BUY_GOLDEN_CROSS_SHORT", INT, 5,
            "Signal", "Short moving average of the golden cross");
    public static final SettingKey<Integer> BUY_GOLDEN_CROSS_LONG = dbFirst("BUY_GOLDEN_CROSS_LONG", INT, 20,
            "Signal", "Long moving average of the golden cross");
    public static final SettingKey<Integer> BUY_RSI_OVERSOLD_THRESHOLD = dbFirst("BUY_RSI_OVERSOLD_THRESHOLD", INT,
            30, "Signal", "RSI oversold threshold");
    public static final SettingKey<Integer> BUY_RSI_OVERSOLD_BULL_THRESHOLD = dbFirst(
            "BUY_RSI_OVERSOLD_BULL_THRESHOLD", INT, 40, "Signal", "RSI oversold threshold in a bull market");
    public static final SettingKey<Double> TIER2_VOLUME_MULTIPLIER = dbFirst("TIER2_VOLUME_MULTIPLIER", FLOAT, 1.2,
            "Signal", "TIER2 volume condition multiplier");
    public static final SettingKey<Integer> TIER2_RSI_MIN = dbFirst("TIER2_RSI_MIN", INT, 40, "Signal",
            "TIER2 RSI lower bound");
    public static final SettingKey<Integer> TIER2_RSI_MAX = dbFirst("TIER2_RSI_MAX", INT, 70, "Signal",
            "TIER2 RSI upper bound");
    public static final SettingKey<Integer> TIER2_MIN_CONDITIONS = dbFirst("TIER2_MIN_CONDITIONS", INT, 3, "Signal",
            "TIER2 conditions that must hold");
    public static final SettingKey<Integer> MOMENTUM_CONFIRMATION_BARS = envFirst("MOMENTUM_CONFIRMATION_BARS", INT,
            0, "Signal", "Bars that must confirm a momentum signal (read at scanner start; compose sets 1)");

    // ------------------------------------------------------------------ Risk
    public static final SettingKey<Integer> MAX_BUY_COUNT_PER_DAY = dbFirst("MAX_BUY_COUNT_PER_DAY", INT, 6, "Risk",
            "Buys per KRX trading day (KST, TradingDay); /maxbuy sets it; 6 = every Python preset, see class Javadoc");
    public static final SettingKey<Integer> MAX_PORTFOLIO_SIZE = dbFirst("MAX_PORTFOLIO_SIZE", INT, 10, "Risk",
            "Maximum number of held stocks");
    public static final SettingKey<Double> MAX_POSITION_VALUE_PCT = dbFirst("MAX_POSITION_VALUE_PCT", FLOAT, 15.0,
            "Risk", "Maximum value of one position, % of the portfolio; 15 = every Python preset");
    public static final SettingKey<Double> MAX_SECTOR_PCT = dbFirst("MAX_SECTOR_PCT", FLOAT, 30.0, "Risk",
            "Maximum sector weight, %; 30 = balanced_champion preset");
    public static final SettingKey<Double> CASH_KEEP_PCT = dbFirst("CASH_KEEP_PCT", FLOAT, 5.0, "Risk",
            "Cash kept back by sizing, %; 5 = balanced_champion preset");
    public static final SettingKey<Boolean> CORRELATION_CHECK_ENABLED = dbFirst("CORRELATION_CHECK_ENABLED", BOOL,
            true, "Risk", "Check correlation with holdings before buying");
    public static final SettingKey<Double> CORRELATION_THRESHOLD = dbFirst("CORRELATION_THRESHOLD", FLOAT, 0.7,
            "Risk", "Correlation that shrinks a position");
    public static final SettingKey<Double> CORRELATION_BLOCK_THRESHOLD = dbFirst("CORRELATION_BLOCK_THRESHOLD",
            FLOAT, 0.85, "Risk", "Correlation that blocks a buy");
    public static final SettingKey<Boolean> CORRELATION_ADJUST_POSITION = dbFirst("CORRELATION_ADJUST_POSITION",
            BOOL, true, "Risk", "Shrink positions of correlated stocks");
    public static final SettingKey<Boolean> PORTFOLIO_GUARD_ENABLED = dbFirst("PORTFOLIO_GUARD_ENABLED", BOOL, true,
            "Risk", "Portfolio guard (sector count, cash floor)");
    public static final SettingKey<Integer> MAX_SECTOR_STOCKS = dbFirst("MAX_SECTOR_STOCKS", INT, 3, "Risk",
            "Maximum held stocks per sector");
    public static final SettingKey<Double> CASH_FLOOR_STRONG_BULL_PCT = dbFirst("CASH_FLOOR_STRONG_BULL_PCT", FLOAT,
            5.0, "Risk", "Cash floor in a strong bull market, %");
    public static final SettingKey<Double> CASH_FLOOR_BULL_PCT = dbFirst("CASH_FLOOR_BULL_PCT", FLOAT, 10.0, "Risk",
            "Cash floor in a bull market, %");
    public static final SettingKey<Double> CASH_FLOOR_SIDEWAYS_PCT = dbFirst("CASH_FLOOR_SIDEWAYS_PCT", FLOAT, 15.0,
            "Risk", "Cash floor in a sideways market, %");
    public static final SettingKey<Double> CASH_FLOOR_BEAR_PCT = dbFirst("CASH_FLOOR_BEAR_PCT", FLOAT, 25.0, "Risk",
            "Cash floor in a bear market, %");

    // ------------------------------------------------------------------ Selling
    public static final SettingKey<Double> SELL_RSI_OVERBOUGHT_THRESHOLD = dbFirst("SELL_RSI_OVERBOUGHT_THRESHOLD",
            FLOAT, 75.0, "Selling", "RSI that triggers the partial sell");
    public static final SettingKey<Boolean> TRAILING_TAKE_PROFIT_ENABLED = dbFirst("TRAILING_TAKE_PROFIT_ENABLED",
            BOOL, true, "Selling", "Trailing take-profit on (the fixed target runs only when off)");
    public static final SettingKey<Double> TRAILING_TAKE_PROFIT_ACTIVATION_PCT = dbFirst(
            "TRAILING_TAKE_PROFIT_ACTIVATION_PCT", FLOAT, 5.0, "Selling", "Profit % that arms the trailing exit");
    public static final SettingKey<Double> TRAILING_TAKE_PROFIT_ATR_MULT = dbFirst("TRAILING_TAKE_PROFIT_ATR_MULT",
            FLOAT, 1.5, "Selling", "ATR multiple of the trailing distance");
    public static final SettingKey<Boolean> SCALE_OUT_ENABLED = dbFirst("SCALE_OUT_ENABLED", BOOL, true, "Selling",
            "Scale-out ladder on");
    /**
     * The SCALE_OUT_LEVEL_* keys are deprecated: Python never read them and the ladder it traded is the regime tables
     * of spec sell-path §1.6 (price-monitor's ScaleOutLadder), so their 5/10/15 defaults never traded (issue 15).
     */
    private static final String DEPRECATED_LADDER = "DEPRECATED, ignored (the ladder is the regime tables of "
            + "sell-path §1.6): ";

    public static final SettingKey<Double> SCALE_OUT_LEVEL_1_PCT = dbFirst("SCALE_OUT_LEVEL_1_PCT", FLOAT, 5.0,
            "Selling", DEPRECATED_LADDER + "scale-out level 1 profit %");
    public static final SettingKey<Double> SCALE_OUT_LEVEL_1_SELL_PCT = dbFirst("SCALE_OUT_LEVEL_1_SELL_PCT", FLOAT,
            25.0, "Selling", DEPRECATED_LADDER + "scale-out level 1 share of the position, %");
    public static final SettingKey<Double> SCALE_OUT_LEVEL_2_PCT = dbFirst("SCALE_OUT_LEVEL_2_PCT", FLOAT, 10.0,
            "Selling", DEPRECATED_LADDER + "scale-out level 2 profit %");
    public static final SettingKey<Double> SCALE_OUT_LEVEL_2_SELL_PCT = dbFirst("SCALE_OUT_LEVEL_2_SELL_PCT", FLOAT,
            25.0, "Selling", DEPRECATED_LADDER + "scale-out level 2 share of the position, %");
    public static final SettingKey<Double> SCALE_OUT_LEVEL_3_PCT = dbFirst("SCALE_OUT_LEVEL_3_PCT", FLOAT, 15.0,
            "Selling", DEPRECATED_LADDER + "scale-out level 3 profit %");
    public static final SettingKey<Double> SCALE_OUT_LEVEL_3_SELL_PCT = dbFirst("SCALE_OUT_LEVEL_3_SELL_PCT", FLOAT,
            25.0, "Selling", DEPRECATED_LADDER + "scale-out level 3 share of the position, %");
    public static final SettingKey<Double> SELL_STOP_LOSS_PCT = envFirst("SELL_STOP_LOSS_PCT", FLOAT, -6.0,
            "Selling", "Fixed stop loss, % (a positive value is negated); call-site -6.0 beat the built-in 5.0");
    public static final SettingKey<Double> ATR_MULTIPLIER = envFirst("ATR_MULTIPLIER", FLOAT, 2.0, "Selling",
            "ATR multiple of the buy-time stop and the ATR exit");
    public static final SettingKey<Double> TRAILING_MIN_PROFIT_PCT = envFirst("TRAILING_MIN_PROFIT_PCT", FLOAT, 3.0,
            "Selling", "Minimum profit % kept by the trailing exit");
    public static final SettingKey<Double> TRAILING_DROP_FROM_HIGH_PCT = envFirst("TRAILING_DROP_FROM_HIGH_PCT",
            FLOAT, 3.5, "Selling", "Drop from the high, %, that fires the trailing exit");
    public static final SettingKey<Double> SELL_RSI_MIN_PROFIT_PCT = envFirst("SELL_RSI_MIN_PROFIT_PCT", FLOAT, 3.0,
            "Selling", "Minimum profit % for the RSI partial sell");
    public static final SettingKey<Double> SELL_TARGET_PROFIT_PCT = envFirst("SELL_TARGET_PROFIT_PCT", FLOAT, 10.0,
            "Selling", "Fixed profit target, % (only when trailing is off)");
    public static final SettingKey<Integer> MAX_HOLDING_DAYS = envFirst("MAX_HOLDING_DAYS", INT, 30, "Selling",
            "Maximum holding days (inert rule in Python)");
    public static final SettingKey<Integer> GAP_DOWN_WAIT_MINUTES = envFirst("GAP_DOWN_WAIT_MINUTES", INT, 5,
            "Selling", "Minutes after the open during which a gap-down delays the fixed stop");
    public static final SettingKey<Double> GAP_DOWN_THRESHOLD_PCT = envFirst("GAP_DOWN_THRESHOLD_PCT", FLOAT, -5.0,
            "Selling", "Opening gap, %, that counts as a gap-down");
    public static final SettingKey<Double> GAP_DOWN_HARD_STOP_PCT = envFirst("GAP_DOWN_HARD_STOP_PCT", FLOAT, -10.0,
            "Selling", "Loss, %, that sells even during the gap-down wait");
    public static final SettingKey<Integer> STOPLOSS_COOLDOWN_DAYS = envFirst("STOPLOSS_COOLDOWN_DAYS", INT, 5,
            "Selling", "Trading days a stop-lossed stock may not be bought again");

    // ------------------------------------------------------------------ Execution
    public static final SettingKey<Boolean> MOMENTUM_LIMIT_ORDER_ENABLED = envFirst("MOMENTUM_LIMIT_ORDER_ENABLED",
            BOOL, false, "Execution", "Buy momentum signals with a limit order (compose sets true)");
    public static final SettingKey<Double> MOMENTUM_LIMIT_PREMIUM = envFirst("MOMENTUM_LIMIT_PREMIUM", FLOAT, 0.003,
            "Execution", "Limit price premium over the signal price");
    public static final SettingKey<Integer> MOMENTUM_LIMIT_TIMEOUT_SEC = envFirst("MOMENTUM_LIMIT_TIMEOUT_SEC", INT,
            10, "Execution", "Seconds before an unfilled limit order is cancelled");
    public static final SettingKey<Double> RISK_PER_TRADE_PCT = envFirst("RISK_PER_TRADE_PCT", FLOAT, 1.0,
            "Execution", "Risked % of the portfolio per trade; call-site 1.0 (the built-in 2.0 was never reached)");
    public static final SettingKey<Integer> ATR_PERIOD = envFirst("ATR_PERIOD", INT, 14, "Execution",
            "ATR period (daily bars)");
    public static final SettingKey<Integer> MIN_QUANTITY = envFirst("MIN_QUANTITY", INT, 1, "Execution",
            "Minimum order quantity");
    public static final SettingKey<Integer> MAX_QUANTITY = envFirst("MAX_QUANTITY", INT, 1000, "Execution",
            "Maximum order quantity");
    public static final SettingKey<Boolean> USE_INTRADAY_ATR = envFirst("USE_INTRADAY_ATR", BOOL, true, "Execution",
            "Prefer the intraday (minute-bar) ATR for sizing");
    public static final SettingKey<Boolean> ENABLE_INTRADAY_LOGIC = envFirst("ENABLE_INTRADAY_LOGIC", BOOL, true,
            "Execution", "Intraday adjustments in the executor");

    // ------------------------------------------------------------------ Operations
    public static final SettingKey<Boolean> DISABLE_MARKET_OPEN_CHECK = dbFirst("DISABLE_MARKET_OPEN_CHECK", BOOL,
            false, "Operations", "Run outside market hours (testing only)");

    // ------------------------------------------------------------------ RiskGate
    public static final SettingKey<Double> RISK_GATE_VOLUME_RATIO = dbFirst("RISK_GATE_VOLUME_RATIO", FLOAT, 2.0,
            "RiskGate", "Volume ratio flag of the combined-risk gate");
    public static final SettingKey<Double> RISK_GATE_VWAP_DEVIATION = dbFirst("RISK_GATE_VWAP_DEVIATION", FLOAT,
            0.02, "RiskGate", "VWAP deviation flag of the combined-risk gate");
    public static final SettingKey<Integer> RISK_GATE_RSI_MAX = dbFirst("RISK_GATE_RSI_MAX", INT, 70, "RiskGate",
            "RSI above which buys are blocked");
    public static final SettingKey<Double> GOLDEN_CROSS_MIN_VOLUME_RATIO = dbFirst("GOLDEN_CROSS_MIN_VOLUME_RATIO",
            FLOAT, 1.5, "RiskGate", "Volume ratio a golden cross needs");
    public static final SettingKey<String> NO_TRADE_WINDOW_START = dbFirst("NO_TRADE_WINDOW_START", STR, "09:00",
            "RiskGate", "Start of the opening no-trade window (KST)");
    public static final SettingKey<String> NO_TRADE_WINDOW_END = dbFirst("NO_TRADE_WINDOW_END", STR, "09:15",
            "RiskGate", "End of the opening no-trade window (KST)");
    public static final SettingKey<String> DANGER_ZONE_START = dbFirst("DANGER_ZONE_START", STR, "14:00", "RiskGate",
            "Start of the afternoon danger zone (KST)");
    public static final SettingKey<String> DANGER_ZONE_END = dbFirst("DANGER_ZONE_END", STR, "15:00", "RiskGate",
            "End of the afternoon danger zone (KST)");
    public static final SettingKey<Integer> SIGNAL_COOLDOWN_SECONDS = dbFirst("SIGNAL_COOLDOWN_SECONDS", INT, 600,
            "RiskGate", "Seconds before the same stock may signal again");

    // ------------------------------------------------------------------ Scanner
    public static final SettingKey<Boolean> ENABLE_BEAR_ENTRY_BLOCK = envFirst("ENABLE_BEAR_ENTRY_BLOCK", BOOL, true,
            "Scanner", "Block entries in a bear market");
    public static final SettingKey<Boolean> ENABLE_MICRO_TIMING = envFirst("ENABLE_MICRO_TIMING", BOOL, true,
            "Scanner", "Micro-timing filter");
    public static final SettingKey<Boolean> ENABLE_RECON_BULL_ENTRY = envFirst("ENABLE_RECON_BULL_ENTRY", BOOL, true,
            "Scanner", "RECON bull entries");
    public static final SettingKey<Boolean> ENABLE_MOMENTUM_CONTINUATION = envFirst("ENABLE_MOMENTUM_CONTINUATION",
            BOOL, true, "Scanner", "MOMENTUM_CONTINUATION strategy");
    public static final SettingKey<Boolean> ENABLE_VOLUME_BREAKOUT_1MIN = envFirst("ENABLE_VOLUME_BREAKOUT_1MIN",
            BOOL, false, "Scanner", "VOLUME_BREAKOUT_1MIN strategy");
    public static final SettingKey<Boolean> ALLOW_BEAR_TRADING = envFirst("ALLOW_BEAR_TRADING", BOOL, false,
            "Scanner", "Trade in a bear market (production env sets true)");
    public static final SettingKey<Integer> MIN_LLM_CONFIDENCE_BEAR = envFirst("MIN_LLM_CONFIDENCE_BEAR", INT, 85,
            "Scanner", "LLM score needed in a bear market (production env sets 80)");

    // ------------------------------------------------------------------ Scanner rules added upstream (2026-02-18)
    public static final SettingKey<Boolean> ENABLE_WATCHLIST_CONVICTION_ENTRY = envFirst(
            "ENABLE_WATCHLIST_CONVICTION_ENTRY", BOOL, true, "Scanner",
            "WATCHLIST_CONVICTION_ENTRY strategy (replaces RECON_BULL_ENTRY)");
    public static final SettingKey<Integer> CONVICTION_MAX_DAYS_SINCE_ENTRY = dbFirst(
            "CONVICTION_MAX_DAYS_SINCE_ENTRY", INT, 2, "Scanner",
            "Conviction entry: at most this many days since the stock entered the watchlist");
    public static final SettingKey<Double> MOMENTUM_MAX_GAIN_PCT = dbFirst("MOMENTUM_MAX_GAIN_PCT", FLOAT, 7.0,
            "Scanner", "MOMENTUM is rejected at a gain at or above this % (chase cap)");
    public static final SettingKey<Double> MOMENTUM_CONT_MAX_GAIN_PCT = dbFirst("MOMENTUM_CONT_MAX_GAIN_PCT", FLOAT,
            5.0, "Scanner", "MOMENTUM_CONTINUATION is rejected at a gain at or above this % (chase cap)");
    public static final SettingKey<Double> DIP_BUY_MIN_DROP_BULL = dbFirst("DIP_BUY_MIN_DROP_BULL", FLOAT, -0.5,
            "Scanner", "DIP_BUY in BULL/STRONG_BULL: smallest drop, %");
    public static final SettingKey<Double> DIP_BUY_MAX_DROP_BULL = dbFirst("DIP_BUY_MAX_DROP_BULL", FLOAT, -3.0,
            "Scanner", "DIP_BUY in BULL/STRONG_BULL: largest drop, %");
    public static final SettingKey<Boolean> ENABLE_BULL_PULLBACK = envFirst("ENABLE_BULL_PULLBACK", BOOL, false,
            "Scanner", "BULL_PULLBACK on minute bars (off upstream: a daily pattern)");
    public static final SettingKey<Boolean> ENABLE_VCP_BREAKOUT = envFirst("ENABLE_VCP_BREAKOUT", BOOL, false,
            "Scanner", "VCP_BREAKOUT on minute bars (off upstream: a daily pattern)");
    public static final SettingKey<Boolean> ENABLE_INSTITUTIONAL_ENTRY = envFirst("ENABLE_INSTITUTIONAL_ENTRY", BOOL,
            false, "Scanner", "INSTITUTIONAL_ENTRY on minute bars (off upstream: a daily pattern)");
    public static final SettingKey<Boolean> ENABLE_SHORT_TERM_HIGH_BREAKOUT = envFirst(
            "ENABLE_SHORT_TERM_HIGH_BREAKOUT", BOOL, false, "Scanner",
            "SHORT_TERM_HIGH_BREAKOUT on minute bars (off upstream: a daily pattern)");

    // ------------------------------------------------------------------ Scout rules added upstream (2026-02-18)
    public static final SettingKey<Boolean> DYNAMIC_SECTOR_BUDGET_ENABLED = envFirst("DYNAMIC_SECTOR_BUDGET_ENABLED",
            BOOL, true, "Scout", "Dynamic sector budget (sector_budget:active)");

    // ------------------------------------------------------------------ Scout
    public static final SettingKey<Boolean> SCOUT_V5_ENABLED = envFirst("SCOUT_V5_ENABLED", BOOL, false, "Scout",
            "Hybrid scoring (production env sets true; otherwise the final list is empty)");
    public static final SettingKey<Integer> SMART_SKIP_QUANT_MIN = envFirst("SMART_SKIP_QUANT_MIN", INT, 25, "Scout",
            "Quant score below which the LLM is skipped");
    public static final SettingKey<Integer> SMART_SKIP_RSI_MAX = envFirst("SMART_SKIP_RSI_MAX", INT, 80, "Scout",
            "RSI above which the LLM is skipped");
    public static final SettingKey<Integer> SMART_SKIP_SENTIMENT_MIN = envFirst("SMART_SKIP_SENTIMENT_MIN", INT, -50,
            "Scout", "Sentiment below which the LLM is skipped");
    public static final SettingKey<Integer> SMART_SKIP_CACHED_HUNTER_MIN = envFirst("SMART_SKIP_CACHED_HUNTER_MIN",
            INT, 30, "Scout", "Cached hunter score below which the LLM is skipped");

    // ------------------------------------------------------------------ built-in ConfigManager defaults
    public static final SettingKey<Integer> SCAN_INTERVAL_SEC = envFirst("SCAN_INTERVAL_SEC", INT, 600, "Legacy",
            "Scan interval (seconds)");
    public static final SettingKey<Integer> MARKET_INDEX_MA_PERIOD = envFirst("MARKET_INDEX_MA_PERIOD", INT, 20,
            "Legacy", "Moving average period of the market index");
    public static final SettingKey<Integer> BUY_BOLLINGER_PERIOD = envFirst("BUY_BOLLINGER_PERIOD", INT, 20,
            "Legacy", "Bollinger band period");
    public static final SettingKey<Integer> BUY_QUANTITY_PER_TRADE = envFirst("BUY_QUANTITY_PER_TRADE", INT, 1,
            "Legacy", "Fixed quantity per trade (legacy)");
    public static final SettingKey<Double> ATR_MULTIPLIER_INITIAL_STOP = envFirst("ATR_MULTIPLIER_INITIAL_STOP",
            FLOAT, 2.0, "Legacy", "ATR multiple of the initial stop (legacy)");
    public static final SettingKey<Double> ATR_MULTIPLIER_TRAILING_STOP = envFirst("ATR_MULTIPLIER_TRAILING_STOP",
            FLOAT, 1.5, "Legacy", "ATR multiple of the trailing stop (legacy)");
    public static final SettingKey<Integer> SELL_RSI_THRESHOLD = envFirst("SELL_RSI_THRESHOLD", INT, 70, "Legacy",
            "Sell RSI threshold (legacy)");
    public static final SettingKey<Double> PROFIT_TARGET_FULL = envFirst("PROFIT_TARGET_FULL", FLOAT, 8.0, "Legacy",
            "Full profit target, % (legacy)");
    public static final SettingKey<Integer> TIME_BASED_BULL = envFirst("TIME_BASED_BULL", INT, 20, "Legacy",
            "Holding days in a bull market (legacy)");
    public static final SettingKey<Integer> TIME_BASED_SIDEWAYS = envFirst("TIME_BASED_SIDEWAYS", INT, 35, "Legacy",
            "Holding days in a sideways market (legacy)");
    public static final SettingKey<Integer> MAX_POSITION_PCT = envFirst("MAX_POSITION_PCT", INT, 15, "Legacy",
            "Maximum position, % (legacy)");

    // ------------------------------------------------------------------ Operator commands (issue 11)
    // The bot's /risk, /minscore and /maxbuy write these keys into CONFIG (db-first, no TTL). The Python bot wrote
    // config:risk_level, config:min_llm_score and config:max_buy_per_day into Redis with a 24 h TTL and nothing read
    // them (spec/control-and-intelligence.md §1.4) [DEFECT, fixed]: here the scanner and the executor read these keys
    // through RuntimeSettings, so a change reaches them within jennie.settings.cache-ttl (300 s). /maxbuy writes
    // MAX_BUY_COUNT_PER_DAY (above).
    public static final SettingKey<String> RISK_LEVEL = dbFirst("RISK_LEVEL", STR, "moderate", "Operator",
            "/risk: conservative, moderate or aggressive (com.primejennie.shared.trading.RiskLevel); read by the "
                    + "buy-executor's sizing");
    public static final SettingKey<Integer> MIN_LLM_SCORE = dbFirst("MIN_LLM_SCORE", INT, 0, "Operator",
            "/minscore (0-100): llm_score a hot-watchlist stock needs before the scanner signals it; 0 = no floor "
                    + "beyond scout's own (the Python value was display-only)");
    public static final SettingKey<Integer> MANUAL_TRADE_DAILY_LIMIT = envFirst("MANUAL_TRADE_DAILY_LIMIT", INT, 20,
            "Operator", "Manual /buy and /sell per KRX trading day");

    // ------------------------------------------------------------------ Scout (watchlist size; spec 3.7 step 8)
    public static final SettingKey<Integer> MAX_WATCHLIST_SIZE = envFirst("MAX_WATCHLIST_SIZE", INT, 20, "Scout",
            "Hot watchlist size; halved (minimum 8) at macro risk_off_level >= 2; the sector budget applies above it");

    // ------------------------------------------------------------------ Costs (one place: kis-sim, executors, dashboard)
    public static final SettingKey<Double> TRADING_FEE_RATE = envFirst("TRADING_FEE_RATE", FLOAT, 0.00015, "Costs",
            "Brokerage fee, fraction of the traded amount, both sides (KIS online 0.015 %); read once at start-up "
                    + "into the TradingCosts bean, from env only, so a buy and its sell use one rate");
    public static final SettingKey<Double> TRADING_SELL_TAX_RATE = envFirst("TRADING_SELL_TAX_RATE", FLOAT, 0.0020,
            "Costs", "Securities transaction tax on sells, fraction (KRX 2026: 0.20 %); read once at start-up into "
                    + "the TradingCosts bean, from env only");

    // ------------------------------------------------------------------ Reconciliation
    public static final SettingKey<String> UNMANAGED_HOLDINGS = envFirst("UNMANAGED_HOLDINGS", STR, "",
            "Operations", "Comma list of stock codes the user holds outside the suite: reconciliation neither adopts "
                    + "nor alarms on them, and no exit rule sells them (read by the order service at start-up as "
                    + "jennie.orders.unmanaged-codes; UNMANAGED_CODES is accepted too)");
    // ---- buy-scanner (issue 13)
    public static final SettingKey<Integer> BAR_INTERVAL_SECONDS = envFirst("BAR_INTERVAL_SECONDS", INT, 60,
            "Scanner", "Length of the scanner's bars in seconds (mock 5)");
    public static final SettingKey<Integer> MIN_REQUIRED_BARS = envFirst("MIN_REQUIRED_BARS", INT, 20, "Scanner",
            "Completed bars a stock needs before its strategies run (mock 1)");

    // ------------------------------------------------------------------ Secrets (env or secrets file only)
    public static final SettingKey<String> OPENAI_API_KEY = secret("OPENAI_API_KEY", "OpenAI API key");
    public static final SettingKey<String> GEMINI_API_KEY = secret("GEMINI_API_KEY", "Gemini API key");
    public static final SettingKey<String> ANTHROPIC_API_KEY = secret("ANTHROPIC_API_KEY", "Anthropic API key");
    // ---------------------------------------------------------------- data jobs: retention (issue 18)
    public static final SettingKey<Integer> DATA_RETENTION_MINUTE_BARS_DAYS = dbFirst(
            "DATA_RETENTION_MINUTE_BARS_DAYS", INT, 14, "Data",
            "Days of STOCK_MINUTE_PRICE minute bars the clean-up job keeps");
    public static final SettingKey<Integer> DATA_RETENTION_LOG_DAYS = dbFirst("DATA_RETENTION_LOG_DAYS", INT, 365,
            "Data", "Days of SHADOW_RADAR_LOG and DAILY_BRIEFING_LOG rows the clean-up job keeps");
    public static final SettingKey<Integer> DATA_RETENTION_LEDGER_DAYS = dbFirst("DATA_RETENTION_LEDGER_DAYS", INT,
            730, "Data", "Days of final ORDER_LEDGER rows (and their ORDER_FILL rows) the clean-up job keeps; "
                    + "open orders are never deleted");

    public static final SettingKey<String> KIS_APP_KEY = secret("KIS_APP_KEY", "KIS app key");
    public static final SettingKey<String> KIS_APP_SECRET = secret("KIS_APP_SECRET", "KIS app secret");
    public static final SettingKey<String> KIS_ACCOUNT_NO = secret("KIS_ACCOUNT_NO", "KIS account number");
    public static final SettingKey<String> KIS_ACCOUNT_SUFFIX = secret("KIS_ACCOUNT_SUFFIX", "KIS account suffix");
    public static final SettingKey<String> KIS_VIRTUAL_ACCOUNT_NO = secret("KIS_VIRTUAL_ACCOUNT_NO",
            "KIS paper account number");
    public static final SettingKey<String> KIS_VIRTUAL_ACCOUNT_SUFFIX = secret("KIS_VIRTUAL_ACCOUNT_SUFFIX",
            "KIS paper account suffix");
    public static final SettingKey<String> TELEGRAM_BOT_TOKEN = secret("TELEGRAM_BOT_TOKEN", "Telegram bot token");
    public static final SettingKey<String> TELEGRAM_CHAT_ID = secret("TELEGRAM_CHAT_ID", "Telegram chat id");
    public static final SettingKey<String> JWT_SECRET = secret("JWT_SECRET", "Dashboard JWT secret");
    public static final SettingKey<String> DASHBOARD_PASSWORD = secret("DASHBOARD_PASSWORD", "Dashboard password");
    public static final SettingKey<String> MARIADB_PASSWORD = secret("MARIADB_PASSWORD", "MariaDB password");
    public static final SettingKey<String> REDIS_PASSWORD = secret("REDIS_PASSWORD", "Redis password");

    /** Every key declared above, in declaration order. */
    public static List<SettingKey<?>> all() {
        List<SettingKey<?>> keys = new ArrayList<>();
        for (Field field : SettingKeys.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == SettingKey.class) {
                try {
                    keys.add((SettingKey<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read setting key " + field.getName(), e);
                }
            }
        }
        return List.copyOf(keys);
    }
}
