package com.primejennie.shared.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.market.MarketClock;

/**
 * Reads runtime settings the way the Python {@code ConfigManager} did, so an operator's value in {@code CONFIG} or the
 * environment reaches every Java service exactly as it reached the Python ones.
 *
 * <p>Precedence (spec/llm-dashboard-infra.md §6, spec/buy-path.md §4):
 * <ol>
 *   <li>{@code db_priority} keys: {@code CONFIG} table, then env; other keys: env, then {@code CONFIG};
 *       sensitive keys: env, then the secrets file, never {@code CONFIG};</li>
 *   <li>the caller's default, when given ({@link #get(SettingKey, Object)});</li>
 *   <li>the registry default.</li>
 * </ol>
 * A blank env value counts as unset. There is no writable in-memory tier: a caller that wants a preset to apply
 * passes it as its default, so an operator value still wins (fixing buy-path.md §5 item 9).
 *
 * <p>{@code CONFIG} reads are cached per key for {@code cacheTtl} (300 s) by the injected clock, and a missing row is
 * cached too. The Python suite cached only hits, so every read of an unset key queried the database, several times
 * per bar per stock (buy-path.md §5 item 16) [DEFECT, fixed]. If the table cannot be read, the last cached value is
 * used even when expired; with none, {@link SettingUnavailableException} is thrown rather than guessing a default.
 * A stored value that does not parse is an {@link InvalidSettingException} naming key, value and source.
 */
public final class RuntimeSettings {

    /** The Python cache lifetime. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(300);

    private static final Logger log = LoggerFactory.getLogger(RuntimeSettings.class);

    /** One {@code CONFIG} lookup result; {@code value} null means "no row". */
    private record CachedRow(String value, Instant fetchedAt) {
    }

    /** A raw value and where it came from. */
    private record Raw(String value, String source) {
    }

    private final SettingsRegistry registry;
    private final Function<String, Optional<String>> configTable;
    private final Function<String, String> environment;
    private final MarketClock clock;
    private final Duration cacheTtl;
    private final Map<String, CachedRow> cache = new ConcurrentHashMap<>();

    /**
     * @param configTable reads {@code CONFIG_VALUE} by key (e.g. {@code ConfigRepository::findValue}); may throw when
     *                    the database is down
     * @param environment reads an environment value by name, and {@code secrets.<id>} for the secrets file (the
     *                    Spring {@code Environment::getProperty} does both); null when unset
     */
    public RuntimeSettings(SettingsRegistry registry, Function<String, Optional<String>> configTable,
                           Function<String, String> environment, MarketClock clock, Duration cacheTtl) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.configTable = Objects.requireNonNull(configTable, "configTable");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    public SettingsRegistry registry() {
        return registry;
    }

    /** The effective value of {@code key}, falling back to its registry default. */
    public <T> T get(SettingKey<T> key) {
        return get(key, key.defaultValue());
    }

    /** The effective value of {@code key}, falling back to {@code callerDefault} (which beats the registry's). */
    public <T> T get(SettingKey<T> key, T callerDefault) {
        requireRegistered(key);
        Raw raw = lookup(key);
        return raw == null ? callerDefault : key.type().parse(key.name(), raw.value(), raw.source());
    }

    /**
     * The value of {@code key} for one stock: {@code SYMBOL_<code>__<KEY>} from env or {@code CONFIG} (env first,
     * cached like any other row, misses included), else the global value. (The Python file
     * {@code config/symbol_overrides.json} is not read.)
     */
    public <T> T getForSymbol(SettingKey<T> key, String stockCode) {
        requireRegistered(key);
        if (key.sensitive()) {
            throw new IllegalArgumentException("setting " + key.name() + " is sensitive and has no per-symbol value");
        }
        if (stockCode == null || !stockCode.matches("[0-9A-Za-z]{1,20}")) {
            throw new IllegalArgumentException("per-symbol setting " + key.name() + ": bad stock code '" + stockCode
                    + "'");
        }
        String symbolName = "SYMBOL_" + stockCode + "__" + key.name();
        String env = blankToNull(environment.apply(symbolName));
        if (env != null) {
            return key.type().parse(symbolName, env, SOURCE_ENV);
        }
        String db = dbValue(symbolName);
        if (db != null) {
            return key.type().parse(symbolName, db, SOURCE_DB);
        }
        return get(key);
    }

    /** {@link #get(SettingKey)} by name, for keys known only at run time (e.g. the dashboard). */
    public Object get(String name) {
        return get(registry.require(name));
    }

    /**
     * Checks {@code raw} as a new value of {@code name} (as the dashboard does before storing it) and returns its
     * normalised text; a sensitive key cannot be set this way.
     */
    public String validate(String name, String raw) {
        SettingKey<?> key = registry.require(name);
        if (key.sensitive()) {
            throw new IllegalArgumentException("setting " + name + " is sensitive and cannot be edited; set it in the "
                    + "environment or the secrets file");
        }
        if (raw == null) {
            throw new InvalidSettingException(name, "null", "the request", "a " + key.type().pythonName());
        }
        return format(key, raw);
    }

    private static <T> String format(SettingKey<T> key, String raw) {
        return key.type().format(key.type().parse(key.name(), raw, "the request"));
    }

    /** Where the value of {@code name} comes from, masked when sensitive. */
    public ResolvedSetting resolve(String name) {
        SettingKey<?> key = registry.require(name);
        String env = envValue(key);
        String db = key.sensitive() ? null : dbValue(key);
        Raw raw = lookup(key);
        String value = raw == null ? String.valueOf(key.defaultValue()) : raw.value();
        String source = raw == null ? "default" : raw.source().equals(SOURCE_ENV) ? "env"
                : raw.source().equals(SOURCE_DB) ? "db" : "secret";
        if (key.sensitive()) {
            boolean set = raw != null && !raw.value().isEmpty();
            value = set ? ResolvedSetting.MASK : ResolvedSetting.UNSET;
            env = env == null ? ResolvedSetting.UNSET : ResolvedSetting.MASK;
        }
        return new ResolvedSetting(key.name(), key.type().pythonName(), key.category(), key.dbPriority(),
                key.sensitive(), value, source, env, db,
                key.sensitive() ? null : String.valueOf(key.defaultValue()), key.description());
    }

    /** Forgets the cached {@code CONFIG} value of {@code name} (after this process wrote it). */
    public void invalidate(String name) {
        cache.remove(name);
    }

    /** Forgets every cached {@code CONFIG} value. */
    public void invalidateAll() {
        cache.clear();
    }

    private static final String SOURCE_ENV = "environment";
    private static final String SOURCE_DB = "CONFIG table";
    private static final String SOURCE_SECRET = "secrets file";

    private Raw lookup(SettingKey<?> key) {
        if (key.sensitive()) {
            String env = envValue(key);
            if (env != null) {
                return new Raw(env, SOURCE_ENV);
            }
            String secret = secretValue(key);
            return secret == null ? null : new Raw(secret, SOURCE_SECRET);
        }
        if (key.dbPriority()) {
            String db = dbValue(key);
            if (db != null) {
                return new Raw(db, SOURCE_DB);
            }
            String env = envValue(key);
            return env == null ? null : new Raw(env, SOURCE_ENV);
        }
        String env = envValue(key);
        if (env != null) {
            return new Raw(env, SOURCE_ENV);
        }
        String db = dbValue(key);
        return db == null ? null : new Raw(db, SOURCE_DB);
    }

    private String envValue(SettingKey<?> key) {
        return blankToNull(environment.apply(key.name()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private String secretValue(SettingKey<?> key) {
        String id = key.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String value = environment.apply("secrets." + id);
        return value == null || value.isBlank() ? null : value;
    }

    private String dbValue(SettingKey<?> key) {
        return dbValue(key.name());
    }

    private String dbValue(String name) {
        Instant now = clock.instant();
        CachedRow cached = cache.get(name);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(cacheTtl))) {
            return cached.value();
        }
        try {
            String value = configTable.apply(name).orElse(null);
            cache.put(name, new CachedRow(value, now));
            return value;
        } catch (RuntimeException e) {
            if (cached != null) {
                log.warn("setting {}: CONFIG table unreadable ({}); using the value cached at {}", name,
                        e.getMessage(), cached.fetchedAt());
                return cached.value();
            }
            throw new SettingUnavailableException(name, e);
        }
    }

    private void requireRegistered(SettingKey<?> key) {
        SettingKey<?> registered = registry.require(key.name());
        if (!registered.equals(key)) {
            throw new IllegalArgumentException("setting " + key.name() + " differs from its registered definition");
        }
    }
}
