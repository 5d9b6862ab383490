package com.primejennie.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataAccessResourceFailureException;

import com.primejennie.shared.persistence.ConfigRepository;
import com.primejennie.shared.persistence.ScratchDatabase;
import com.primejennie.shared.market.ManualMarketClock;

/**
 * The ConfigManager precedence of spec/llm-dashboard-infra.md §6 and spec/buy-path.md §4, with the CONFIG table on
 * the real MariaDB and the environment as a map.
 */
class RuntimeSettingsTest {

    private static ScratchDatabase db;
    private ConfigRepository config;
    private ManualMarketClock clock;
    private Map<String, String> env;
    private AtomicInteger dbReads;
    private AtomicBoolean dbDown;
    private RuntimeSettings settings;

    @BeforeAll
    static void migrate() {
        db = ScratchDatabase.migrated("settings");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.jdbc().sql("DELETE FROM CONFIG").update();
        clock = ManualMarketClock.atKst(java.time.LocalDateTime.parse("2026-02-12T10:30"));
        config = new ConfigRepository(db.jdbc(), clock);
        env = new HashMap<>();
        dbReads = new AtomicInteger();
        dbDown = new AtomicBoolean();
        Function<String, Optional<String>> table = key -> {
            if (dbDown.get()) {
                throw new DataAccessResourceFailureException("Connection refused (test outage)");
            }
            dbReads.incrementAndGet();
            return config.findValue(key);
        };
        settings = new RuntimeSettings(SettingsRegistry.standard(), table, env::get, clock,
                RuntimeSettings.DEFAULT_CACHE_TTL);
    }

    /**
     * db_priority keys: CONFIG, env, caller default, registry default. Other keys: env, CONFIG, caller default,
     * registry default. ("-" = not set.)
     */
    @ParameterizedTest(name = "{0}: db={1} env={2} caller={3} -> {4} ({5})")
    @CsvSource({
            // db-first key (registry default 6)
            "MAX_BUY_COUNT_PER_DAY, 4, 7, 5, 4, db",
            "MAX_BUY_COUNT_PER_DAY, -, 7, 5, 7, env",
            "MAX_BUY_COUNT_PER_DAY, -, -, 5, 5, caller",
            "MAX_BUY_COUNT_PER_DAY, -, -, -, 6, default",
            "MAX_BUY_COUNT_PER_DAY, 4, -, -, 4, db",
            "MAX_BUY_COUNT_PER_DAY, -, '  ', -, 6, default",
            // env-first key (registry default -6.0)
            "SELL_STOP_LOSS_PCT, -4.5, -7.0, -5.0, -7.0, env",
            "SELL_STOP_LOSS_PCT, -4.5, -, -5.0, -4.5, db",
            "SELL_STOP_LOSS_PCT, -, -, -5.0, -5.0, caller",
            "SELL_STOP_LOSS_PCT, -, -, -, -6.0, default",
            // bool, db-first
            "TRAILING_TAKE_PROFIT_ENABLED, off, yes, -, false, db",
            "TRAILING_TAKE_PROFIT_ENABLED, -, 0, -, false, env",
            "TRAILING_TAKE_PROFIT_ENABLED, -, -, -, true, default",
            // string, db-first
            "NO_TRADE_WINDOW_END, 09:30, 09:20, -, 09:30, db",
            "NO_TRADE_WINDOW_END, -, -, -, 09:15, default",
    })
    void precedenceFollowsTheKeysDbPriority(String name, String db, String envValue, String caller,
                                            String expected, String source) {
        if (!db.equals("-")) {
            config.upsert(name, db, null);
        }
        if (!envValue.equals("-")) {
            env.put(name, envValue);
        }
        SettingKey<?> key = settings.registry().require(name);

        Object value = caller.equals("-") ? settings.get(key) : getWithCallerDefault(key, caller);

        assertThat(String.valueOf(value)).isEqualTo(expected);
        if (caller.equals("-")) {
            assertThat(settings.resolve(name).source()).isEqualTo(source);
        }
    }

    private static <T> T getWithCallerDefault(RuntimeSettings settings, SettingKey<T> key, String caller) {
        return settings.get(key, key.type().parse(key.name(), caller, "test"));
    }

    private Object getWithCallerDefault(SettingKey<?> key, String caller) {
        return getWithCallerDefault(settings, key, caller);
    }

    @Test
    void aMissingRowIsCachedFor300SecondsToo_fixingThePythonUncachedMissDefect() {
        for (int i = 0; i < 100; i++) {
            assertThat(settings.get(SettingKeys.RISK_GATE_RSI_MAX)).isEqualTo(70);
        }
        assertThat(dbReads).hasValue(1);

        config.upsert("RISK_GATE_RSI_MAX", "65", null);
        clock.advance(Duration.ofSeconds(299));
        assertThat(settings.get(SettingKeys.RISK_GATE_RSI_MAX)).as("still the cached miss").isEqualTo(70);
        assertThat(dbReads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(settings.get(SettingKeys.RISK_GATE_RSI_MAX)).isEqualTo(65);
        assertThat(dbReads).hasValue(2);
    }

    @Test
    void aHitIsCachedFor300SecondsAndInvalidateForcesARead() {
        config.upsert("SIGNAL_COOLDOWN_SECONDS", "900", null);
        assertThat(settings.get(SettingKeys.SIGNAL_COOLDOWN_SECONDS)).isEqualTo(900);
        config.upsert("SIGNAL_COOLDOWN_SECONDS", "300", null);

        clock.advance(Duration.ofSeconds(120));
        assertThat(settings.get(SettingKeys.SIGNAL_COOLDOWN_SECONDS)).isEqualTo(900);
        settings.invalidate("SIGNAL_COOLDOWN_SECONDS");
        assertThat(settings.get(SettingKeys.SIGNAL_COOLDOWN_SECONDS)).isEqualTo(300);
        assertThat(dbReads).hasValue(2);
    }

    @Test
    void anEnvFirstKeySetInEnvNeverReadsTheTable() {
        env.put("ATR_MULTIPLIER", "2.5");
        assertThat(settings.get(SettingKeys.ATR_MULTIPLIER)).isEqualTo(2.5);
        assertThat(dbReads).hasValue(0);
    }

    @Test
    void whenTheTableCannotBeReadTheLastValueIsUsedEvenIfExpired() {
        config.upsert("MAX_PORTFOLIO_SIZE", "8", null);
        assertThat(settings.get(SettingKeys.MAX_PORTFOLIO_SIZE)).isEqualTo(8);

        dbDown.set(true);
        clock.advance(Duration.ofHours(1));

        assertThat(settings.get(SettingKeys.MAX_PORTFOLIO_SIZE)).isEqualTo(8);
    }

    @Test
    void whenTheTableCannotBeReadAndNothingIsCachedTheSettingIsUnavailableNotGuessed() {
        dbDown.set(true);
        env.put("MAX_PORTFOLIO_SIZE", "12");

        assertThatThrownBy(() -> settings.get(SettingKeys.MAX_PORTFOLIO_SIZE))
                .isInstanceOf(SettingUnavailableException.class)
                .hasMessageContaining("MAX_PORTFOLIO_SIZE").hasMessageContaining("test outage");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' from {2}")
    @CsvSource({
            "MAX_BUY_COUNT_PER_DAY, abc, db, an int",
            "MAX_BUY_COUNT_PER_DAY, 5.5, db, an int",
            "MAX_POSITION_VALUE_PCT, 10%, db, a finite float",
            "MAX_POSITION_VALUE_PCT, NaN, db, a finite float",
            "SCALE_OUT_ENABLED, maybe, db, a bool",
            "ATR_MULTIPLIER, two, env, a finite float",
            "ENABLE_MICRO_TIMING, enabled, env, a bool",
    })
    void aBadValueIsAnErrorNamingTheKeyAndTheValue(String name, String bad, String where, String expected) {
        if (where.equals("db")) {
            config.upsert(name, bad, null);
        } else {
            env.put(name, bad);
        }

        assertThatThrownBy(() -> settings.get(name))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("setting " + name)
                .hasMessageContaining("'" + bad + "'")
                .hasMessageContaining(where.equals("db") ? "CONFIG table" : "environment")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "true, true", "1, true", "yes, true", "on, true", "TRUE, true", "Yes, true", "' on ', true",
            "false, false", "0, false", "no, false", "off, false", "OFF, false",
    })
    void booleansAcceptTrueOneYesOn(String raw, boolean expected) {
        config.upsert("SCALE_OUT_ENABLED", raw, null);
        assertThat(settings.get(SettingKeys.SCALE_OUT_ENABLED)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> ''{2}''")
    @CsvSource({
            "MAX_BUY_COUNT_PER_DAY, 5.0, 5",
            "MAX_BUY_COUNT_PER_DAY, ' 7 ', 7",
            "SCALE_OUT_ENABLED, YES, true",
            "SCALE_OUT_ENABLED, 0, false",
            "MAX_POSITION_VALUE_PCT, 12, 12.0",
            "NO_TRADE_WINDOW_END, 09:20, 09:20",
    })
    void validateNormalisesANewValueAsTheDashboardStoresIt(String name, String raw, String stored) {
        assertThat(settings.validate(name, raw)).isEqualTo(stored);
    }

    @Test
    void sensitiveKeysComeFromEnvOrSecretsNeverFromTheTableAndAreMasked() {
        config.upsert("TELEGRAM_BOT_TOKEN", "from-config-table", null);
        assertThat(settings.get(SettingKeys.TELEGRAM_BOT_TOKEN)).isEmpty();
        assertThat(settings.resolve("TELEGRAM_BOT_TOKEN").value()).isEqualTo(ResolvedSetting.UNSET);

        env.put("secrets.telegram-bot-token", "123:from-secrets");
        assertThat(settings.get(SettingKeys.TELEGRAM_BOT_TOKEN)).isEqualTo("123:from-secrets");
        assertThat(settings.resolve("TELEGRAM_BOT_TOKEN").source()).isEqualTo("secret");

        env.put("TELEGRAM_BOT_TOKEN", "123:from-env");
        assertThat(settings.get(SettingKeys.TELEGRAM_BOT_TOKEN)).isEqualTo("123:from-env");
        ResolvedSetting resolved = settings.resolve("TELEGRAM_BOT_TOKEN");
        assertThat(resolved.value()).isEqualTo(ResolvedSetting.MASK);
        assertThat(resolved.envValue()).isEqualTo(ResolvedSetting.MASK);
        assertThat(resolved.toString()).doesNotContain("123:");
        assertThat(dbReads).hasValue(0);
        assertThatThrownBy(() -> settings.validate("TELEGRAM_BOT_TOKEN", "x")).hasMessageContaining("sensitive");
    }

    @Test
    void resolveReportsEnvAndDbValuesBesideTheEffectiveOne() {
        config.upsert("CASH_KEEP_PCT", "7.5", null);
        env.put("CASH_KEEP_PCT", "3");

        ResolvedSetting resolved = settings.resolve("CASH_KEEP_PCT");

        assertThat(resolved).isEqualTo(new ResolvedSetting("CASH_KEEP_PCT", "float", "Risk", true, false, "7.5", "db",
                "3", "7.5", "5.0", SettingKeys.CASH_KEEP_PCT.description()));
    }

    @ParameterizedTest(name = "symbol env={0} db={1} global db={2} -> {3}")
    @CsvSource({
            "80, 78, 70, 80.0",
            "-, 78, 70, 78.0",
            "-, -, 70, 70.0",
            "-, -, -, 75.0",
    })
    void aPerSymbolValueBeatsTheGlobalOne(String symbolEnv, String symbolDb, String globalDb, String expected) {
        if (!symbolEnv.equals("-")) {
            env.put("SYMBOL_005930__SELL_RSI_OVERBOUGHT_THRESHOLD", symbolEnv);
        }
        if (!symbolDb.equals("-")) {
            config.upsert("SYMBOL_005930__SELL_RSI_OVERBOUGHT_THRESHOLD", symbolDb, null);
        }
        if (!globalDb.equals("-")) {
            config.upsert("SELL_RSI_OVERBOUGHT_THRESHOLD", globalDb, null);
        }

        assertThat(settings.getForSymbol(SettingKeys.SELL_RSI_OVERBOUGHT_THRESHOLD, "005930"))
                .isEqualTo(Double.parseDouble(expected));
        assertThat(settings.getForSymbol(SettingKeys.SELL_RSI_OVERBOUGHT_THRESHOLD, "000660"))
                .isEqualTo(globalDb.equals("-") ? 75.0 : Double.parseDouble(globalDb));
    }

    @Test
    void perSymbolMissesAreCachedToo() {
        for (int i = 0; i < 50; i++) {
            settings.getForSymbol(SettingKeys.SELL_RSI_OVERBOUGHT_THRESHOLD, "005930");
        }
        assertThat(dbReads).as("one read of the symbol key, one of the global key").hasValue(2);
        assertThatThrownBy(() -> settings.getForSymbol(SettingKeys.SELL_RSI_OVERBOUGHT_THRESHOLD, "00'; DROP"))
                .hasMessageContaining("bad stock code");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> settings.get("MAX_BUY_COUNT_PER_WEEK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MAX_BUY_COUNT_PER_WEEK'");
    }
}
