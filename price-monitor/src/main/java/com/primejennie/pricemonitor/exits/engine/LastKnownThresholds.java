package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.shared.settings.SettingUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exit thresholds with a fallback, so a CONFIG table that cannot be read (MariaDB down after a restart, nothing
 * cached yet) does not stop every exit: the thresholds last read for the stock, else the last read for any stock,
 * else the Python defaults. Found by the end-to-end test with MariaDB down: the sell-executor's cooldown setting
 * failed the same way.
 */
public final class LastKnownThresholds implements Function<String, ExitThresholds> {

    private static final Logger log = LoggerFactory.getLogger(LastKnownThresholds.class);

    private final Function<String, ExitThresholds> settings;
    private final Map<String, ExitThresholds> lastByCode = new ConcurrentHashMap<>();
    private volatile ExitThresholds lastAny;

    public LastKnownThresholds(Function<String, ExitThresholds> settings) {
        this.settings = settings;
    }

    @Override
    public ExitThresholds apply(String code) {
        try {
            ExitThresholds t = settings.apply(code);
            lastByCode.put(code, t);
            lastAny = t;
            return t;
        } catch (SettingUnavailableException e) {
            ExitThresholds fallback = lastByCode.getOrDefault(code, lastAny == null ? ExitThresholds.defaults()
                    : lastAny);
            log.warn("exit settings of {} not readable ({}), using the last known", code, e.getMessage());
            return fallback;
        }
    }
}
