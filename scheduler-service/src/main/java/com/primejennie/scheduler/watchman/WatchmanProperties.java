package com.primejennie.scheduler.watchman;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the watchman checks ({@code jennie.scheduler.watchman.*}); defaults here.
 *
 * @param enabled      whether it runs
 * @param interval     market time between two checks (one per minute)
 * @param downAfter    how long a target must stay DOWN before the alert (more than a minute)
 * @param httpTimeout  per health request
 * @param services     service name → base URL; {@code <url>/actuator/health} is checked
 * @param heartbeats   target name → Redis key that must exist (e.g. {@code monitoring:price_monitor})
 * @param critical     targets whose alerts get through the operator's mute (the exit path and the feed)
 * @param feedService  the service whose health component {@code feed} is the price feed (target {@code feed})
 */
@ConfigurationProperties("jennie.scheduler.watchman")
public record WatchmanProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration interval,
        @DefaultValue("60s") Duration downAfter,
        @DefaultValue("3s") Duration httpTimeout,
        Map<String, URI> services,
        Map<String, String> heartbeats,
        @DefaultValue({"price-monitor", "sell-executor", "feed"}) List<String> critical,
        @DefaultValue("price-monitor") String feedService) {

    public WatchmanProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        heartbeats = heartbeats == null ? Map.of() : Map.copyOf(heartbeats);
        critical = critical == null ? List.of() : List.copyOf(critical);
    }
}
