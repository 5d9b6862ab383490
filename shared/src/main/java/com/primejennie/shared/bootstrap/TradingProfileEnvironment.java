package com.primejennie.shared.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Makes {@code SPRING_PROFILES_ACTIVE=mock|paper|real} mean something: it adds the active {@link TradingProfile}'s
 * defaults ({@code jennie-profiles/<name>.properties}) as the property source {@code jennieProfile}, just above
 * {@code jennieDefaults} and below everything else. So a profile changes what the suite falls back to, while an
 * explicit environment variable (they are read through the placeholders) or Spring property still wins.
 *
 * <p>Two values are derived here because placeholders cannot compute them, both for {@code mock} only:
 * <ul>
 *   <li>{@code jennie.profile.kis-sim-ws-url}: the WebSocket of kis-sim, {@code ws://} + host:port of
 *       {@code KIS_SIM_URL} + {@code /};</li>
 *   <li>{@code spring.data.redis.url}: {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}) with the logical
 *       database {@code REDIS_DB} (default 1) appended, unless the URL already names a database.</li>
 * </ul>
 * A profile that contradicts {@code jennie.trading-mode} ({@code mock}/{@code paper} with {@code REAL}, or
 * {@code real} with {@code MOCK}) fails start-up: a mistyped profile must not trade the wrong account.
 */
public class TradingProfileEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "jennieProfile";
    /** The property naming the active trading profile ({@code mock}, {@code paper}, {@code real}), for readers. */
    public static final String PROFILE_PROPERTY = "jennie.profile.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var profile = TradingProfile.fromActiveProfiles(environment.getActiveProfiles());
        if (profile.isEmpty()) {
            return;
        }
        TradingProfile active = profile.get();
        Properties props = load(active);
        props.setProperty(PROFILE_PROPERTY, active.profileName());
        if (active == TradingProfile.MOCK) {
            props.setProperty("jennie.profile.kis-sim-ws-url",
                    webSocketOf(environment.getProperty("KIS_SIM_URL", "http://127.0.0.1:9443")));
            String database = environment.getProperty("REDIS_DB", "1");
            props.setProperty("spring.data.redis.url",
                    withDatabase(environment.getProperty("REDIS_URL", "redis://127.0.0.1:6379"), database));
        }
        var sources = environment.getPropertySources();
        var source = new PropertiesPropertySource(SOURCE, props);
        if (sources.contains(PythonCompatibleEnvironment.DEFAULTS_SOURCE)) {
            sources.addBefore(PythonCompatibleEnvironment.DEFAULTS_SOURCE, source);
        } else {
            sources.addLast(source);
        }
        String mode = environment.getProperty("jennie.trading-mode", active.tradingMode()).trim()
                .toUpperCase(Locale.ROOT);
        boolean real = mode.equals("REAL");
        if (real != (active == TradingProfile.REAL)) {
            throw new IllegalStateException("profile '" + active.profileName() + "' runs TRADING_MODE="
                    + active.tradingMode() + " but the configuration says " + mode
                    + " (TRADING_MODE or jennie.trading-mode); remove one of them");
        }
    }

    /** {@code ws://host:port/} of kis-sim's REST URL (https gives wss). */
    static String webSocketOf(String restUrl) {
        URI uri = URI.create(restUrl.trim());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("KIS_SIM_URL must be an absolute http(s) URL, got '" + restUrl + "'");
        }
        String scheme = "https".equalsIgnoreCase(uri.getScheme()) ? "wss" : "ws";
        return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/";
    }

    /** {@code url} with logical database {@code database}, unless it names one already ({@code redis://h:p/3}). */
    static String withDatabase(String url, String database) {
        String trimmed = url.trim();
        URI uri = URI.create(trimmed);
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            return trimmed;
        }
        int db;
        try {
            db = Integer.parseInt(database.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("REDIS_DB must be a number 0-15, got '" + database + "'", e);
        }
        String base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        if (uri.getQuery() != null) {
            throw new IllegalArgumentException("REDIS_URL with query parameters is not supported in the mock "
                    + "profile; name the database in its path instead: " + url);
        }
        return base + "/" + db;
    }

    private static Properties load(TradingProfile profile) {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource(profile.resource()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + profile.resource() + " from the shared jar", e);
        }
    }

    @Override
    public int getOrder() {
        // After PythonCompatibleEnvironment (LOWEST_PRECEDENCE) would be impossible; run just before it and place the
        // source by name either way (addBefore when the defaults exist, else addLast, which the defaults follow).
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
