package com.primejennie.shared.trading;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.TradingFlag;

/**
 * The one {@link DryRun}: {@code trading:dryrun} when the key exists (the operator's {@code /dryrun on|off} wins),
 * else env {@code DRY_RUN}, else the profile's default ({@code mock}, {@code paper}: off; {@code real}: on until the
 * operator turns it off; without a profile: on for {@code TRADING_MODE=REAL}, off otherwise). When the flag cannot be
 * read it answers {@code true}: a simulated order loses nothing, a real one sent by mistake does.
 *
 * <p>[QUIRK fixed] The Python bot combined env and flag with OR for manual trades, so {@code /dryrun off} could not
 * override {@code DRY_RUN=true}; here the flag wins everywhere, for every caller.
 */
public class DryRunResolver implements DryRun {

    private static final Logger log = LoggerFactory.getLogger(DryRunResolver.class);

    /** Where the answer came from, for {@code /status}, {@code /config} and the dashboard. */
    public enum Source {
        /** {@code trading:dryrun} exists. */
        FLAG,
        /** env {@code DRY_RUN}. */
        ENVIRONMENT,
        /** the profile's (or trading mode's) default. */
        PROFILE_DEFAULT,
        /** the flag could not be read: on, to be safe. */
        FAIL_SAFE
    }

    /** The answer and its source. */
    public record State(boolean active, Source source) {
    }

    private final TradingFlags flags;
    private final Optional<Boolean> environment;
    private final boolean profileDefault;

    /**
     * @param environmentValue the value of env {@code DRY_RUN} (null or blank when unset); anything but
     *                         true/false/1/0/yes/no/on/off fails here, at start-up
     * @param profileDefault   the answer when neither flag nor env is set
     */
    public DryRunResolver(TradingFlags flags, String environmentValue, boolean profileDefault) {
        this.flags = Objects.requireNonNull(flags, "flags");
        this.environment = parseEnvironment(environmentValue);
        this.profileDefault = profileDefault;
    }

    @Override
    public boolean isActive() {
        return state().active();
    }

    /** The answer with where it came from. */
    public State state() {
        Optional<TradingFlag> flag;
        try {
            flag = flags.find(TradingFlagName.DRY_RUN);
        } catch (TradingFlagsUnavailableException e) {
            log.warn("dry run unknown ({}); simulating orders", e.getMessage());
            return new State(true, Source.FAIL_SAFE);
        }
        if (flag.isPresent()) {
            return new State(flag.get().value(), Source.FLAG);
        }
        return environment.map(v -> new State(v, Source.ENVIRONMENT))
                .orElseGet(() -> new State(profileDefault, Source.PROFILE_DEFAULT));
    }

    /** The default without a profile property: on for the real account, off otherwise. */
    public static boolean defaultFor(String tradingMode) {
        return tradingMode != null && tradingMode.trim().equalsIgnoreCase("REAL");
    }

    static Optional<Boolean> parseEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Optional.of(true);
            case "false", "0", "no", "off" -> Optional.of(false);
            default -> throw new IllegalArgumentException("DRY_RUN must be true or false, got '" + value + "'");
        };
    }
}
